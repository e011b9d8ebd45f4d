/// Refuses an entry name that is neither UTF-8 nor GB18030.
public struct ZipNameEncodingRule: Rule {
    public static let description = RuleDescription(
        identifier: "zip.name-encoding", severity: .error, scope: .bundle, category: .archive,
        title: LocalizedText(en: "Entry names are UTF-8 or GBK/GB18030", zh: "文件名编码须为 UTF-8 或 GBK/GB18030"),
        rationale: "Names are read as UTF-8 when flagged or valid, else as GB18030 (what Chinese Windows writes). A name that is neither cannot be matched to the roster."
    )
    public init() {}

    public func check(_ entry: ArchiveEntryFacts, in context: RuleContext) -> [Finding] {
        guard entry.nameEncoding == .undecodable else { return [] }
        return [Self.description.finding(
            at: Location(bundle: context.bundle, entry: entry.name), value: entry.name, expected: "UTF-8 or GB18030",
            en: "Entry name \"\(entry.name)\" is in an unknown encoding. Rename the file with plain letters and digits.",
            zh: "文件名 \"\(entry.name)\" 编码无法识别。请用字母和数字重新命名。"
        )]
    }

    public static var examples: RuleExamples<ArchiveEntryFacts> {
        RuleExamples(triggering: [Example.entry("\u{FFFD}\u{FFFD}.jpg", nameEncoding: .undecodable)],
                     passing: [Example.entry("张三.jpg", nameEncoding: .gb18030), Example.entry("a.jpg")])
    }
}
