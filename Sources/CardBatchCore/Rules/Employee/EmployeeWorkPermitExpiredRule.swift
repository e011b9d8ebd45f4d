/// The work permit is still valid after the processing date.
public struct EmployeeWorkPermitExpiredRule: Rule {
    public static let description = RuleDescription(
        identifier: "employee.work-permit-expired", severity: .error, scope: .employee, category: .employee,
        title: LocalizedText(en: "Work permit expires after the processing date", zh: "工作许可在受理日之后仍有效"),
        rationale: "Acceptance Conditions: the applicant possesses valid Work Permit information. A permit expiring on or before the processing date cannot be embedded in a card.",
        fixHint: .correctEmployeeRow
    )
    public init() {}

    public func check(_ subject: EmployeeSubject, in context: RuleContext) -> [Finding] {
        let r = subject.record
        guard let expiry = CalendarDate(iso: r[.workPermitExpiry]), expiry <= context.processingDate else { return [] }
        let name = RosterField.workPermitExpiry.name(in: r.format)
        return [r.finding(
            Self.description, context, field: .workPermitExpiry, value: expiry.description, expected: "after \(context.processingDate)",
            en: "Row \(r.row): the work permit expires on \(expiry) (\(name)), not after the processing date \(context.processingDate). Apply once the permit is extended.",
            zh: "第 \(r.row) 行：工作许可于 \(expiry) 到期（\(name)），未晚于受理日 \(context.processingDate)。请在许可延期后申请。"
        )]
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(triggering: [Example.employee(.workPermitExpiry, "2026-11-25"), Example.employee(.workPermitExpiry, "2025-12-31")],
                     passing: [Example.employee, Example.employee(.workPermitExpiry, "2026-11-26")])
    }
}
