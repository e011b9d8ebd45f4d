/// The letter's date of issue, when given, is neither in the future nor too old.
public struct LetterAgeRule: Rule {
    public static let description = RuleDescription(
        identifier: "letter.age", severity: .error, scope: .bundle, category: .letter,
        title: LocalizedText(en: "The letter is recent and not dated in the future", zh: "授权书为近期签发且不晚于受理日"),
        rationale: "An authorization letter speaks for the employer at the time it is issued; an old letter may no longer reflect who is authorized, and a future date is a mistake. Configured by letter.maxAgeMonths.",
        configurationKeys: ["letter.maxAgeMonths"]
    )
    public init() {}

    public func check(_ facts: BundleFacts, in context: RuleContext) -> [Finding] {
        guard let issued = CalendarDate(iso: facts.header[.letterDate]) else { return [] }
        let months = context.configuration.letter.maxAgeMonths
        let oldest = context.processingDate.adding(months: -months)
        let location = Location(bundle: context.bundle, entry: context.rosterEntry, line: facts.header.line)
        let name = RosterField.letterDate.name(in: facts.rosterFormat)
        if issued > context.processingDate {
            return [Self.description.finding(
                at: location, field: name, value: issued.description, expected: "on or before \(context.processingDate)",
                en: "\(name) \(issued) is in the future (processing date \(context.processingDate)). Give the date printed on the letter.",
                zh: "\(name) \(issued) 晚于受理日 \(context.processingDate)。请填写授权书上的签发日期。"
            )]
        }
        guard issued < oldest else { return [] }
        return [Self.description.finding(
            at: location, field: name, value: issued.description, expected: "on or after \(oldest)",
            en: "The authorization letter was issued on \(issued), more than \(months) months before \(context.processingDate). Ask the employer for a new letter.",
            zh: "授权书签发于 \(issued)，距受理日 \(context.processingDate) 已超过 \(months) 个月。请单位重新出具授权书。"
        )]
    }

    public static var examples: RuleExamples<BundleFacts> {
        RuleExamples(
            triggering: [Example.bundle { $0.header[.letterDate] = "2026-11-26" }, Example.bundle { $0.header[.letterDate] = "2026-05-24" }],
            passing: [Example.bundle, Example.bundle { $0.header[.letterDate] = "2026-05-25" }, Example.bundle { $0.header[.letterDate] = "" }]
        )
    }
}
