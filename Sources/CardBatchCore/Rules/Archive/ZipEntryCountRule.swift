/// Refuses an archive with more entries than any real bundle needs.
public struct ZipEntryCountRule: Rule {
    public static let description = RuleDescription(
        identifier: "zip.entry-count", severity: .error, scope: .bundle,
        title: LocalizedText(en: "The archive has a bounded number of entries", zh: "压缩包文件数量不超过上限"),
        rationale: "Millions of empty entries exhaust time and memory without any large entry. Configured by archive.maxEntries."
    )
    public init() {}

    public func check(_ archive: ArchiveFacts, in context: RuleContext) -> [Finding] {
        let cap = context.configuration.archive.maxEntries
        guard archive.entries.count > cap else { return [] }
        return [Self.description.finding(
            at: Location(bundle: context.bundle), value: "\(archive.entries.count) entries", expected: "at most \(cap) entries",
            en: "The archive holds \(archive.entries.count) entries; at most \(cap) are accepted. Split the employees over several bundles.",
            zh: "压缩包含 \(archive.entries.count) 个文件，上限为 \(cap) 个。请将员工分到多个压缩包。"
        )]
    }

    public static var examples: RuleExamples<ArchiveFacts> {
        RuleExamples(
            triggering: [ArchiveFacts(entries: (0...20_000).map { ArchiveEntryFacts(index: $0, name: "f\($0)") })],
            passing: [ArchiveFacts(entries: (0..<25).map { ArchiveEntryFacts(index: $0, name: "f\($0)") })]
        )
    }
}
