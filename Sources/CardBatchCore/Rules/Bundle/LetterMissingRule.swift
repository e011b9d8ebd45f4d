/// The authorization letter the roster names is in the bundle.
public struct LetterMissingRule: Rule {
    public static let description = RuleDescription(
        identifier: "letter.missing", severity: .error, scope: .bundle, category: .letter,
        title: LocalizedText(en: "The authorization letter is in the bundle", zh: "授权书须在压缩包中"),
        rationale: "The designated staff member needs an authorization letter issued by the employer (Centralized Application by Employer, (III)). Without it no employee of the bundle can be accepted."
    )
    public init() {}

    public func check(_ facts: BundleFacts, in context: RuleContext) -> [Finding] {
        let file = facts.header[.letterFile]
        guard facts.letter == nil, !file.isEmpty else { return [] }
        let name = RosterField.letterFile.name(in: facts.rosterFormat)
        return [Self.description.finding(
            at: Location(bundle: context.bundle, entry: context.rosterEntry, line: facts.header.line),
            field: name, value: file, expected: "a file of that name in the ZIP",
            en: "The authorization letter \"\(file)\" named by \(name) is not in the bundle. Add the signed letter (PDF, or a JPEG/PNG scan).",
            zh: "名册 \(name) 所指的授权书 \"\(file)\" 不在压缩包中。请加入已签章的授权书（PDF，或 JPG/PNG 扫描件）。"
        )]
    }

    public static var examples: RuleExamples<BundleFacts> {
        RuleExamples(triggering: [Example.bundle { $0.letter = nil }], passing: [Example.bundle])
    }
}
