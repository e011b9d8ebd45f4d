/// Dates are real calendar days written `YYYY-MM-DD`.
public struct EmployeeDateRule: Rule {
    public static let description = RuleDescription(
        identifier: "employee.date", severity: .error, scope: .employee, category: .employee,
        title: LocalizedText(en: "Dates are real days written YYYY-MM-DD", zh: "日期须为真实日期，格式 YYYY-MM-DD"),
        rationale: "Dates of birth and expiry dates go onto the card and into the work permit data. Only ISO 8601 dates are unambiguous (03/04/1990 is March or April depending on the country), and 1990-02-30 is not a day.",
        fixHint: .correctEmployeeRow
    )
    public init() {}

    static let dateFields: [RosterField] = [.dateOfBirth, .passportExpiry, .workPermitExpiry]

    public func check(_ subject: EmployeeSubject, in context: RuleContext) -> [Finding] {
        let record = subject.record
        return Self.dateFields.filter { !record[$0].isEmpty && CalendarDate(iso: record[$0]) == nil }.map { field in
            let name = field.name(in: record.format)
            return record.finding(
                Self.description, context, field: field, value: record[field], expected: "a real date as YYYY-MM-DD",
                en: "Row \(record.row): \(name) \"\(record[field])\" is not a real date written YYYY-MM-DD (for example 1988-04-12).",
                zh: "第 \(record.row) 行：\(name) \"\(record[field])\" 不是有效日期，请按 YYYY-MM-DD 填写（例如 1988-04-12）。"
            )
        }
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(
            triggering: [Example.employee(.dateOfBirth, "12/04/1988"), Example.employee(.dateOfBirth, "1990-02-30"),
                         Example.employee(.passportExpiry, "2031-6-30"), Example.employee(.workPermitExpiry, "2027-13-01")],
            passing: [Example.employee, Example.employee(.dateOfBirth, "2000-02-29")]
        )
    }
}
