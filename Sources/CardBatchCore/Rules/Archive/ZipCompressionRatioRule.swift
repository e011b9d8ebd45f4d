/// Refuses an entry that declares a compression ratio only a zip bomb has.
public struct ZipCompressionRatioRule: Rule {
    public static let description = RuleDescription(
        identifier: "zip.compression-ratio", severity: .error, scope: .bundle, category: .archive,
        title: LocalizedText(en: "No entry compresses suspiciously well (zip bomb)", zh: "文件压缩比异常（疑似压缩炸弹）"),
        rationale: "JPEG photos barely compress; a ratio over archive.maxCompressionRatio on an entry larger than archive.ratioFloorBytes is the signature of a zip bomb.",
        configurationKeys: ["archive.maxCompressionRatio", "archive.ratioFloorBytes"]
    )
    public init() {}

    public func check(_ entry: ArchiveEntryFacts, in context: RuleContext) -> [Finding] {
        let limits = context.configuration.archive
        guard entry.declaredSize > UInt64(limits.ratioFloorBytes) else { return [] }
        let ratio = entry.declaredSize / max(entry.compressedSize, 1)
        guard ratio > UInt64(limits.maxCompressionRatio) else { return [] }
        return [Self.description.finding(
            at: Location(bundle: context.bundle, entry: entry.name), value: "\(ratio):1", expected: "at most \(limits.maxCompressionRatio):1",
            en: "Entry \"\(entry.name)\" expands \(ratio) times (\(entry.compressedSize) → \(entry.declaredSize) bytes); this is refused as a zip bomb.",
            zh: "压缩包内 \"\(entry.name)\" 解压后膨胀 \(ratio) 倍，疑似压缩炸弹，已拒绝。"
        )]
    }

    public static var examples: RuleExamples<ArchiveEntryFacts> {
        RuleExamples(
            triggering: [Example.entry("zeros.jpg", declaredSize: 30_000_000, compressedSize: 30_000)],
            passing: [Example.entry("roster.csv", declaredSize: 500_000, compressedSize: 1_000),
                      Example.entry("a.jpg", declaredSize: 2_000_000, compressedSize: 1_990_000)]
        )
    }
}
