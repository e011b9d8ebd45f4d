/// Refuses entry names that could write outside the work folder: `..` components, absolute paths,
/// drive letters, backslashes (a Windows separator that hides `..\`), and control characters.
public struct ZipPathRule: Rule {
    public static let description = RuleDescription(
        identifier: "zip.path", severity: .error, scope: .bundle, category: .archive,
        title: LocalizedText(en: "Entry names are safe relative paths", zh: "压缩包内文件名须为安全的相对路径"),
        rationale: "A ZIP entry named ../../etc/cron.d/x or C:\\Windows\\x would be written outside the folder it is unpacked into (\"zip slip\"). No honest bundle needs such a name."
    )
    public init() {}

    /// Why `name` is unsafe, or nil when it is a safe relative path.
    public static func problem(in name: String) -> String? {
        if name.isEmpty { return "the name is empty" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return "the name contains control characters" }
        if name.contains("\\") { return "the name contains a backslash" }
        if name.hasPrefix("/") { return "the name is an absolute path" }
        let scalars = Array(name.unicodeScalars)
        if scalars.count >= 2, scalars[1] == ":", scalars[0].properties.isAlphabetic { return "the name starts with a drive letter" }
        if name.split(separator: "/", omittingEmptySubsequences: false).contains("..") { return "the name contains a '..' component" }
        return nil
    }

    public func check(_ entry: ArchiveEntryFacts, in context: RuleContext) -> [Finding] {
        guard let problem = Self.problem(in: entry.name) else { return [] }
        return [Self.description.finding(
            at: Location(bundle: context.bundle, entry: entry.name), value: entry.name,
            expected: "a relative path without '..', '\\', a leading '/' or a drive letter",
            en: "Entry \"\(entry.name)\" is refused: \(problem). Re-create the ZIP from a plain folder.",
            zh: "压缩包内文件 \"\(entry.name)\" 被拒绝：路径不安全（含 ..、反斜杠、绝对路径或盘符）。请用普通文件夹重新压缩。"
        )]
    }

    public static var examples: RuleExamples<ArchiveEntryFacts> {
        RuleExamples(
            triggering: ["../evil.jpg", "photos/../../evil.jpg", "/etc/passwd", "C:/x.jpg", "photos\\a.jpg", "a\u{1}b.jpg"]
                .map { Example.entry($0) },
            passing: ["roster.csv", "photos/a.jpg", "Bundle/photos/李雷.jpg", "a..b.jpg"].map { Example.entry($0) }
        )
    }
}
