/// Refuses an archive whose entries together declare more than the total cap.
public struct ZipTotalSizeRule: Rule {
    public static let description = RuleDescription(
        identifier: "zip.total-size", severity: .error, scope: .bundle, category: .archive,
        title: LocalizedText(en: "The archive's total uncompressed size is bounded", zh: "压缩包解压总大小不超过上限"),
        rationale: "Many entries just under the per-entry cap still fill a disk. Configured by archive.maxTotalBytes.",
        configurationKeys: ["archive.maxTotalBytes"]
    )
    public init() {}

    public func check(_ archive: ArchiveFacts, in context: RuleContext) -> [Finding] {
        let cap = UInt64(context.configuration.archive.maxTotalBytes)
        let total = archive.entries.reduce(UInt64(0)) { $0 &+ $1.declaredSize }
        guard total > cap else { return [] }
        return [Self.description.finding(
            at: Location(bundle: context.bundle), value: "\(total) bytes", expected: "at most \(cap) bytes",
            en: "The archive's entries add up to \(total) bytes uncompressed; at most \(cap) bytes are accepted.",
            zh: "压缩包解压后共 \(total) 字节，上限为 \(cap) 字节。"
        )]
    }

    public static var examples: RuleExamples<ArchiveFacts> {
        RuleExamples(
            triggering: [ArchiveFacts(entries: (0..<80).map { ArchiveEntryFacts(index: $0, name: "f\($0)", declaredSize: 30_000_000, compressedSize: 29_000_000) })],
            passing: [ArchiveFacts(entries: (0..<80).map { ArchiveEntryFacts(index: $0, name: "f\($0)", declaredSize: 90_000, compressedSize: 89_000) })]
        )
    }
}
