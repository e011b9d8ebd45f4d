/// Refuses two entries whose names are equal, or equal but for letter case or Unicode normalisation:
/// unpacked on Windows or macOS one would silently replace the other.
public struct ZipDuplicateNameRule: Rule {
    public static let description = RuleDescription(
        identifier: "zip.duplicate-name", severity: .error, scope: .bundle, category: .archive,
        title: LocalizedText(en: "No two entries share a name, even by letter case", zh: "不得有同名文件（不区分大小写）"),
        rationale: "With two entries named Photos/A.jpg and photos/a.jpg, which photo belongs to the employee depends on the unpacking tool. The roster must point at exactly one file."
    )
    public init() {}

    /// How a lower-cased name is hashed (tests make every name collide).
    var keyHash: @Sendable (String) -> Int = { $0.hashValue }

    public func check(_ archive: ArchiveFacts, in context: RuleContext) -> [Finding] {
        // Swift compares String by canonical equivalence, so NFC and NFD spellings collide too.
        // The first entry of each key is remembered by the key's hash and the entry's position (a
        // bundle may hold 100,000 entries: a dictionary of lower-cased names cost some 190 bytes
        // each); a name whose hash is taken by another key goes to a dictionary by name.
        var firstByHash: [Int: Int] = [:]
        var firstByKey: [String: String] = [:]
        var findings: [Finding] = []
        for (position, entry) in archive.entries.enumerated() where entry.kind != .directory {
            let key = entry.name.lowercased()
            let hash = keyHash(key)
            var first: String? = nil
            if let earlier = firstByHash[hash] {
                let other = archive.entries[earlier].name
                if other.lowercased() == key {
                    first = other
                } else if let colliding = firstByKey[key] {
                    first = colliding
                } else {
                    firstByKey[key] = entry.name
                }
            } else {
                firstByHash[hash] = position
            }
            if let first {
                findings.append(Self.description.finding(
                    at: Location(bundle: context.bundle, entry: entry.name), value: entry.name, expected: "a name no other entry has",
                    en: "Entries \"\(first)\" and \"\(entry.name)\" have the same name (ignoring letter case). Keep one of them.",
                    zh: "文件 \"\(first)\" 与 \"\(entry.name)\" 重名（不区分大小写）。请只保留一个。"
                ))
            }
        }
        return findings
    }

    public static var examples: RuleExamples<ArchiveFacts> {
        RuleExamples(
            triggering: [
                ArchiveFacts(entries: [Example.entry("a.jpg"), Example.entry("a.jpg")]),
                ArchiveFacts(entries: [Example.entry("Photos/A.JPG"), Example.entry("photos/a.jpg")]),
                ArchiveFacts(entries: [Example.entry("Jos\u{E9}.jpg"), Example.entry("Jose\u{301}.jpg")]),
            ],
            passing: [ArchiveFacts(entries: [Example.entry("a.jpg"), Example.entry("b.jpg")])]
        )
    }
}
