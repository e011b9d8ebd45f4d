/// The date of birth lies in the past.
public struct EmployeeBirthDateRule: Rule {
    public static let description = RuleDescription(
        identifier: "employee.date-of-birth", severity: .error, scope: .employee, category: .employee,
        title: LocalizedText(en: "Date of birth is in the past", zh: "出生日期须早于受理日"),
        rationale: "A date of birth on or after the processing date is a typing mistake (often the passport's issue or expiry date in the wrong column).",
        fixHint: .correctEmployeeRow
    )
    public init() {}

    public func check(_ subject: EmployeeSubject, in context: RuleContext) -> [Finding] {
        let r = subject.record
        guard let dob = CalendarDate(iso: r[.dateOfBirth]), dob >= context.processingDate else { return [] }
        let name = RosterField.dateOfBirth.name(in: r.format)
        return [r.finding(
            Self.description, context, field: .dateOfBirth, value: dob.description, expected: "before \(context.processingDate)",
            en: "Row \(r.row): \(name) \(dob) is not in the past. Copy the date of birth from the passport.",
            zh: "第 \(r.row) 行：\(name) \(dob) 不早于受理日。请按护照填写出生日期。"
        )]
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(triggering: [Example.employee(.dateOfBirth, "2026-11-25"), Example.employee(.dateOfBirth, "2031-06-30")],
                     passing: [Example.employee, Example.employee(.dateOfBirth, "2026-11-24")])
    }
}
