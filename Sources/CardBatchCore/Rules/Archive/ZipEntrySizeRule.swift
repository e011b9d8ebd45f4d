/// Refuses an entry whose declared uncompressed size is over the per-entry cap.
public struct ZipEntrySizeRule: Rule {
    public static let description = RuleDescription(
        identifier: "zip.entry-size", severity: .error, scope: .bundle, category: .archive,
        title: LocalizedText(en: "Each entry is within the size cap", zh: "单个文件不超过大小上限"),
        rationale: "A bundle holds a roster, photos of at most 100,000 bytes and a letter; an entry of many megabytes is a mistake or an attack. Configured by archive.maxEntryBytes.",
        configurationKeys: ["archive.maxEntryBytes"]
    )
    public init() {}

    public func check(_ entry: ArchiveEntryFacts, in context: RuleContext) -> [Finding] {
        let cap = context.configuration.archive.maxEntryBytes
        guard entry.declaredSize > UInt64(cap) else { return [] }
        return [Self.description.finding(
            at: Location(bundle: context.bundle, entry: entry.name), value: "\(entry.declaredSize) bytes", expected: "at most \(cap) bytes",
            en: "Entry \"\(entry.name)\" declares \(entry.declaredSize) bytes uncompressed; at most \(cap) bytes are accepted.",
            zh: "压缩包内 \"\(entry.name)\" 解压后为 \(entry.declaredSize) 字节，上限为 \(cap) 字节。"
        )]
    }

    public static var examples: RuleExamples<ArchiveEntryFacts> {
        RuleExamples(triggering: [Example.entry("big.bin", declaredSize: 33 * 1024 * 1024 + 1, compressedSize: 33 * 1024 * 1024)],
                     passing: [Example.entry("a.jpg", declaredSize: 100_000, compressedSize: 99_000)])
    }
}
