/// Judges what actually came out of the inflater: an entry that produced more bytes than it declared
/// (a forged header) or more than the cap was stopped mid-stream, never held in memory.
public struct ZipInflatedSizeRule: Rule {
    public static let description = RuleDescription(
        identifier: "zip.inflated-size", severity: .error, scope: .bundle, category: .archive,
        title: LocalizedText(en: "Entries inflate to no more than they declare", zh: "文件实际解压大小不得超过声明大小"),
        rationale: "A zip bomb can declare small sizes in its headers and still inflate to gigabytes. cardbatch counts the bytes it actually inflates and stops at the declared size or the cap, whichever is lower."
    )
    public init() {}

    public func check(_ facts: InflationFacts, in context: RuleContext) -> [Finding] {
        guard facts.stoppedEarly else { return [] }
        return [Self.description.finding(
            at: Location(bundle: context.bundle, entry: facts.entry), value: "more than \(facts.inflatedBytes - 1) bytes",
            expected: "\(facts.declaredSize) bytes as declared",
            en: "Entry \"\(facts.entry)\" inflated past its declared \(facts.declaredSize) bytes and was stopped; the archive is refused as a zip bomb or a forged archive.",
            zh: "压缩包内 \"\(facts.entry)\" 实际解压大小超过声明的 \(facts.declaredSize) 字节，已中止读取；疑似压缩炸弹或伪造的压缩包。"
        )]
    }

    public static var examples: RuleExamples<InflationFacts> {
        RuleExamples(
            triggering: [InflationFacts(entry: "a.jpg", declaredSize: 1_000, inflatedBytes: 1_001, stoppedEarly: true)],
            passing: [InflationFacts(entry: "a.jpg", declaredSize: 1_000, inflatedBytes: 1_000)]
        )
    }
}
