/// Refuses an archive with more entries than any real bundle needs.
public struct ZipEntryCountRule: Rule {
    public static let description = RuleDescription(
        identifier: "zip.entry-count", severity: .error, scope: .bundle, category: .archive,
        title: LocalizedText(en: "The archive has a bounded number of entries", zh: "压缩包文件数量不超过上限"),
        rationale: "Millions of empty entries exhaust time and memory without any large entry. Configured by archive.maxEntries.",
        configurationKeys: ["archive.maxEntries"]
    )
    public init() {}

    /// Subject: the number of entries the central directory lists, judged before any entry is read.
    public func check(_ count: Int, in context: RuleContext) -> [Finding] {
        let cap = context.configuration.archive.maxEntries
        guard count > cap else { return [] }
        return [Self.description.finding(
            at: Location(bundle: context.bundle), value: "\(count) entries", expected: "at most \(cap) entries",
            en: "The archive holds \(count) entries; at most \(cap) are accepted. Split the employees over several bundles.",
            zh: "压缩包含 \(count) 个文件，上限为 \(cap) 个。请将员工分到多个压缩包。"
        )]
    }

    public static var examples: RuleExamples<Int> {
        RuleExamples(triggering: [20_001, 1_000_000], passing: [25, 20_000])
    }
}
