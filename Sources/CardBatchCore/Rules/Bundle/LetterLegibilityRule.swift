/// A scanned letter is large enough to read.
public struct LetterLegibilityRule: Rule {
    public static let description = RuleDescription(
        identifier: "letter.legibility", severity: .error, scope: .bundle, category: .letter,
        title: LocalizedText(en: "A scanned letter is large enough to read", zh: "授权书扫描件清晰可读（像素足够）"),
        rationale: "A letter scanned or photographed at a tiny size cannot be read or verified. Configured by letter.minShortSidePixels and letter.minLongSidePixels (defaults 600 and 800: an A4 page at 75 dpi).",
        configurationKeys: ["letter.minShortSidePixels", "letter.minLongSidePixels"]
    )
    public init() {}

    public func check(_ facts: BundleFacts, in context: RuleContext) -> [Finding] {
        guard let letter = facts.letter, [.jpeg, .png].contains(letter.signature), let w = letter.width, let h = letter.height else { return [] }
        let limits = context.configuration.letter
        guard min(w, h) < limits.minShortSidePixels || max(w, h) < limits.minLongSidePixels else { return [] }
        return [Self.description.finding(
            at: Location(bundle: context.bundle, entry: letter.entry), value: "\(w) × \(h) pixels",
            expected: "at least \(limits.minShortSidePixels) × \(limits.minLongSidePixels) pixels",
            en: "The authorization letter \"\(letter.entry)\" is only \(w) × \(h) pixels; a legible scan is at least \(limits.minShortSidePixels) × \(limits.minLongSidePixels). Scan it again at 100 dpi or more.",
            zh: "授权书 \"\(letter.entry)\" 只有 \(w) × \(h) 像素，清晰的扫描件至少为 \(limits.minShortSidePixels) × \(limits.minLongSidePixels)。请以 100 dpi 以上重新扫描。"
        )]
    }

    public static var examples: RuleExamples<BundleFacts> {
        RuleExamples(
            triggering: [Example.bundle { $0.letter = LetterFacts(entry: "l.png", byteCount: 9_000, signature: .png, width: 320, height: 452) },
                         Example.bundle { $0.letter = LetterFacts(entry: "l.jpg", byteCount: 9_000, signature: .jpeg, width: 700, height: 700) }],
            passing: [Example.bundle, Example.bundle { $0.letter = LetterFacts(entry: "l.jpg", byteCount: 90_000, signature: .jpeg, width: 620, height: 877) }]
        )
    }
}
