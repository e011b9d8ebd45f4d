/// The passport is valid on the processing date.
public struct EmployeePassportExpiredRule: Rule {
    public static let description = RuleDescription(
        identifier: "employee.passport-expired", severity: .error, scope: .employee, category: .employee,
        title: LocalizedText(en: "Passport is valid on the processing date", zh: "护照在受理日须有效"),
        rationale: "Acceptance Conditions: the applicant holds a valid identity document. A passport that expired before the processing date (set by --date) cannot back a card.",
        fixHint: .correctEmployeeRow
    )
    public init() {}

    public func check(_ subject: EmployeeSubject, in context: RuleContext) -> [Finding] {
        let record = subject.record
        guard let expiry = CalendarDate(iso: record[.passportExpiry]), expiry < context.processingDate else { return [] }
        let name = RosterField.passportExpiry.name(in: record.format)
        return [record.finding(
            Self.description, context, field: .passportExpiry, value: expiry.description, expected: "on or after \(context.processingDate)",
            en: "Row \(record.row): the passport expired on \(expiry) (\(name)), before the processing date \(context.processingDate). Apply with the renewed passport.",
            zh: "第 \(record.row) 行：护照已于 \(expiry) 过期（\(name)），早于受理日 \(context.processingDate)。请使用新护照申请。"
        )]
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(
            triggering: [Example.employee(.passportExpiry, "2026-11-24"), Example.employee(.passportExpiry, "2020-01-01")],
            passing: [Example.employee, Example.employee(.passportExpiry, "2026-11-25")]
        )
    }
}
