/// An entry that fails to inflate (corrupt deflate data, CRC mismatch) makes the archive unusable.
public struct ZipEntryCorruptRule: Rule {
    public static let description = RuleDescription(
        identifier: "zip.entry-corrupt", severity: .error, scope: .bundle, category: .archive,
        title: LocalizedText(en: "Every entry reads back intact (CRC)", zh: "文件完整（CRC 校验通过）"),
        rationale: "A damaged archive may hold a damaged photo that still looks plausible; the outlet cannot tell which bytes are right."
    )
    public init() {}

    public func check(_ facts: InflationFacts, in context: RuleContext) -> [Finding] {
        guard let failure = facts.failure else { return [] }
        return [Self.description.finding(
            at: Location(bundle: context.bundle, entry: facts.entry), value: failure, expected: "an intact entry",
            en: "Entry \"\(facts.entry)\" cannot be read: \(failure). The ZIP file is damaged; create it again.",
            zh: "压缩包内 \"\(facts.entry)\" 无法读取（\(failure)）。压缩包已损坏，请重新制作。"
        )]
    }

    public static var examples: RuleExamples<InflationFacts> {
        RuleExamples(
            triggering: [InflationFacts(entry: "a.jpg", declaredSize: 1_000, inflatedBytes: 400, failure: "CRC error")],
            passing: [InflationFacts(entry: "a.jpg", declaredSize: 1_000, inflatedBytes: 1_000)]
        )
    }
}
