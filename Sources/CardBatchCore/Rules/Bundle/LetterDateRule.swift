/// When the roster gives the letter's date of issue, it is a real day.
public struct LetterDateRule: Rule {
    public static let description = RuleDescription(
        identifier: "letter.date", severity: .error, scope: .bundle, category: .letter,
        title: LocalizedText(en: "The letter's date of issue, when given, is a real day written YYYY-MM-DD", zh: "授权书签发日期（如填写）须为 YYYY-MM-DD 格式的真实日期"),
        rationale: "The letter's date is optional; when it is given it must be unambiguous."
    )
    public init() {}

    public func check(_ facts: BundleFacts, in context: RuleContext) -> [Finding] {
        let date = facts.header[.letterDate]
        guard !date.isEmpty, CalendarDate(iso: date) == nil else { return [] }
        let name = RosterField.letterDate.name(in: facts.rosterFormat)
        return [Self.description.finding(
            at: Location(bundle: context.bundle, entry: context.rosterEntry, line: facts.header.line),
            field: name, value: date, expected: "a real date as YYYY-MM-DD",
            en: "\(name) \"\(date)\" is not a real date written YYYY-MM-DD.",
            zh: "\(name) \"\(date)\" 不是 YYYY-MM-DD 格式的有效日期。"
        )]
    }

    public static var examples: RuleExamples<BundleFacts> {
        RuleExamples(triggering: [Example.bundle { $0.header[.letterDate] = "2026/11/02" }],
                     passing: [Example.bundle, Example.bundle { $0.header[.letterDate] = "" }])
    }
}
