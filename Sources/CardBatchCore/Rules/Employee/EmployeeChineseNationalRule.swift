/// The card is for foreigners: a Chinese passport is refused.
public struct EmployeeChineseNationalRule: Rule {
    public static let description = RuleDescription(
        identifier: "employee.chinese-national", severity: .error, scope: .employee, category: .employee,
        title: LocalizedText(en: "The employee is not a Chinese national", zh: "员工不得为中国公民"),
        rationale: "This card with embedded Work Permit information is issued to foreigners working in China; a holder of a Chinese (CHN) passport applies for the ordinary social security card instead.",
        fixHint: .correctEmployeeRow
    )
    public init() {}

    public func check(_ subject: EmployeeSubject, in context: RuleContext) -> [Finding] {
        let r = subject.record
        guard r[.nationality] == "CHN" else { return [] }
        return [r.finding(
            Self.description, context, field: .nationality, value: "CHN", expected: "a foreign nationality",
            en: "Row \(r.row): the nationality is CHN. This card is for foreign employees; Chinese citizens apply for the ordinary social security card.",
            zh: "第 \(r.row) 行：国籍为 CHN。本卡仅面向外籍员工，中国公民请申领普通社会保障卡。"
        )]
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(triggering: [Example.employee(.nationality, "CHN")], passing: [Example.employee, Example.employee(.nationality, "HKG")])
    }
}
