/// Warns when the passport expires soon after the processing date.
public struct EmployeePassportExpiringRule: Rule {
    public static let description = RuleDescription(
        identifier: "employee.passport-expiring", severity: .warning, scope: .employee, category: .employee,
        title: LocalizedText(en: "Passport does not expire soon", zh: "护照不会很快到期"),
        rationale: "A card tied to a passport about to be renewed will soon need correcting; the employer may prefer to apply with the new passport. Configured by identity.passportExpiryWarningDays.",
        configurationKeys: ["identity.passportExpiryWarningDays"],
        fixHint: .correctEmployeeRow
    )
    public init() {}

    public func check(_ subject: EmployeeSubject, in context: RuleContext) -> [Finding] {
        let r = subject.record
        let days = context.configuration.identity.passportExpiryWarningDays
        guard let expiry = CalendarDate(iso: r[.passportExpiry]), expiry >= context.processingDate else { return [] }
        let left = context.processingDate.days(until: expiry)
        guard left < days else { return [] }
        return [r.finding(
            Self.description, context, field: .passportExpiry, value: expiry.description, expected: "at least \(days) days after \(context.processingDate)",
            en: "Row \(r.row): the passport expires on \(expiry), in \(left) days. Consider applying with the renewed passport.",
            zh: "第 \(r.row) 行：护照将于 \(expiry) 到期（剩余 \(left) 天）。建议换发新护照后再申请。"
        )]
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(triggering: [Example.employee(.passportExpiry, "2027-02-22"), Example.employee(.passportExpiry, "2026-11-25")],
                     passing: [Example.employee, Example.employee(.passportExpiry, "2027-02-23"), Example.employee(.passportExpiry, "2026-11-24")])
    }
}
