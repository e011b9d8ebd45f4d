/// How entry names in a bundle map to the contract's names: junk that ordinary tools add is ignored,
/// and a single wrapping top-level folder (what "send to compressed folder" makes) is stripped.
public enum BundleLayout {
    public static let rosterNames = ["roster.xml", "roster.csv"]

    /// True for entries that tools add and the contract ignores: `__MACOSX/…`, `.DS_Store`,
    /// `Thumbs.db`, `desktop.ini` and any dot file or dot folder.
    public static func isIgnored(_ name: String) -> Bool {
        let components = name.split(separator: "/")
        if components.first == "__MACOSX" { return true }
        if components.contains(where: { $0.hasPrefix(".") }) { return true }
        guard let last = components.last else { return true }
        return ["thumbs.db", "desktop.ini", "ehthumbs.db"].contains(last.lowercased())
    }

    /// The folder prefix (with its trailing slash) that every kept entry shares, when all of them sit
    /// in one top-level folder and no roster sits at the root; "" otherwise.
    public static func wrapperPrefix(of names: [String]) -> String {
        let files = names.filter { !$0.hasSuffix("/") && !isIgnored($0) }
        guard !files.isEmpty, !files.contains(where: { !$0.contains("/") }) else { return "" }
        let firstFolder = files[0].split(separator: "/", maxSplits: 1)[0]
        let prefix = firstFolder + "/"
        return files.allSatisfy({ $0.hasPrefix(prefix) }) ? String(prefix) : ""
    }

    /// The contract name of an entry: the wrapper stripped.
    public static func contractName(_ name: String, wrapper: String) -> String {
        wrapper.isEmpty || !name.hasPrefix(wrapper) ? name : String(name.dropFirst(wrapper.count))
    }

    /// Contract names that are rosters (case-insensitively `roster.xml` or `roster.csv` at the root).
    public static func rosterCandidates(in contractNames: [String]) -> [String] {
        contractNames.filter { rosterNames.contains($0.lowercased()) }.sorted()
    }

    /// The canonical form of a file name as the roster writes it, for matching roster references to
    /// entries: forward slashes, no leading `./`.
    public static func referenceKey(_ name: String) -> String {
        var n = String(name.map { $0 == "\\" ? "/" : $0 })
        while n.hasPrefix("./") { n.removeFirst(2) }
        return n.lowercased()
    }
}
