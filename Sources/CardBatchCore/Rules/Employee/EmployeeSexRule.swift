/// Sex is written as in the passport: M, F or X.
public struct EmployeeSexRule: Rule {
    public static let description = RuleDescription(
        identifier: "employee.sex", severity: .error, scope: .employee, category: .employee,
        title: LocalizedText(en: "Sex is M, F or X as in the passport", zh: "性别须按护照填写 M、F 或 X"),
        rationale: "ICAO 9303 passports print sex as M, F or X (unspecified); the card carries the same value.",
        fixHint: .correctEmployeeRow
    )
    public init() {}

    public func check(_ subject: EmployeeSubject, in context: RuleContext) -> [Finding] {
        let record = subject.record
        let sex = record[.sex]
        guard !sex.isEmpty, !["M", "F", "X"].contains(sex) else { return [] }
        let name = RosterField.sex.name(in: record.format)
        return [record.finding(
            Self.description, context, field: .sex, value: sex, expected: "M, F or X",
            en: "Row \(record.row): \(name) \"\(sex)\" must be M, F or X, as printed in the passport.",
            zh: "第 \(record.row) 行：\(name) \"\(sex)\" 须为 M、F 或 X（与护照一致）。"
        )]
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(triggering: [Example.employee(.sex, "MALE"), Example.employee(.sex, "男")],
                     passing: [Example.employee, Example.employee(.sex, "X")])
    }
}
