/// A PDF letter has at least one page.
public struct LetterPagesRule: Rule {
    public static let description = RuleDescription(
        identifier: "letter.pages", severity: .error, scope: .bundle, category: .letter,
        title: LocalizedText(en: "A PDF letter has at least one page", zh: "PDF 授权书至少有一页"),
        rationale: "A PDF whose page tree is empty shows nothing: the letter is missing from it."
    )
    public init() {}

    public func check(_ facts: BundleFacts, in context: RuleContext) -> [Finding] {
        guard let letter = facts.letter, letter.signature == .pdf, letter.pageCount == 0 else { return [] }
        return [Self.description.finding(
            at: Location(bundle: context.bundle, entry: letter.entry), value: "0 pages", expected: "at least 1 page",
            en: "The authorization letter \"\(letter.entry)\" is a PDF with no pages. Export the signed letter again.",
            zh: "授权书 \"\(letter.entry)\" 是没有页面的 PDF。请重新导出已签章的授权书。"
        )]
    }

    public static var examples: RuleExamples<BundleFacts> {
        RuleExamples(triggering: [Example.bundle { $0.letter?.pageCount = 0 }], passing: [Example.bundle, Example.bundle { $0.letter?.pageCount = 3 }])
    }
}
