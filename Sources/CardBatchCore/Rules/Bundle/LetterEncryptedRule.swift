/// A PDF letter opens without a password and is not encrypted.
public struct LetterEncryptedRule: Rule {
    public static let description = RuleDescription(
        identifier: "letter.encrypted", severity: .error, scope: .bundle, category: .letter,
        title: LocalizedText(en: "A PDF letter is not encrypted or password-protected", zh: "PDF 授权书不得加密或设密码"),
        rationale: "The outlet must be able to open, print and archive the letter; an encrypted PDF may not open at all, or not print."
    )
    public init() {}

    public func check(_ facts: BundleFacts, in context: RuleContext) -> [Finding] {
        guard let letter = facts.letter, letter.signature == .pdf, letter.isEncrypted else { return [] }
        return [Self.description.finding(
            at: Location(bundle: context.bundle, entry: letter.entry), value: "encrypted", expected: "not encrypted",
            en: "The authorization letter \"\(letter.entry)\" is an encrypted or password-protected PDF. Save it again without a password or restrictions.",
            zh: "授权书 \"\(letter.entry)\" 是加密或设有密码的 PDF。请去除密码和限制后重新保存。"
        )]
    }

    public static var examples: RuleExamples<BundleFacts> {
        RuleExamples(triggering: [Example.bundle { $0.letter?.isEncrypted = true }], passing: [Example.bundle])
    }
}
