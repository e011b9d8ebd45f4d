/// With a reference extract of valid work permits, every employee's permit is in it, for the same
/// passport, nationality and expiry.
public struct EmployeeWorkPermitMatchRule: Rule {
    public static let description = RuleDescription(
        identifier: "employee.work-permit-match", severity: .error, scope: .employee, category: .employee,
        title: LocalizedText(en: "The work permit is in the reference extract, for the same passport", zh: "工作许可在参考名单中且护照信息一致"),
        rationale: "The card embeds Work Permit information, so the permit must exist and belong to this person. When the outlet supplies the authority's extract of valid permits (--permits FILE), each employee must match one by permit number with the same passport number, nationality and expiry date. Without an extract the rule does not run.",
        fixHint: .correctEmployeeRow,
        expectsRosterData: true
    )
    public init() {}

    public func check(_ subject: EmployeeSubject, in context: RuleContext) -> [Finding] {
        guard let extract = context.permits else { return [] }
        let r = subject.record
        let number = r[.workPermitNumber]
        guard !number.isEmpty else { return [] }
        guard let permit = extract.permit(number) else {
            return [r.finding(
                Self.description, context, field: .workPermitNumber, value: number, expected: "a permit listed in \(extract.source)",
                en: "Row \(r.row): work permit \(number) is not in the list of valid work permits (\(extract.source)). Check the number, or whether the permit has been cancelled.",
                zh: "第 \(r.row) 行：工作许可证号 \(number) 不在有效工作许可名单（\(extract.source)）中。请核对号码或许可是否已注销。"
            )]
        }
        var findings: [Finding] = []
        for (field, listed) in [(RosterField.passportNumber, permit.passportNumber), (.nationality, permit.nationality), (.workPermitExpiry, permit.expiry)]
        where !listed.isEmpty && listed.uppercased() != r[field].uppercased() {
            let name = field.name(in: r.format)
            findings.append(r.finding(
                Self.description, context, field: field, value: r[field], expected: "\(listed) (the permits extract)",
                en: "Row \(r.row): \(name) \"\(r[field])\" differs from the work permit list, which gives \"\(listed)\" for permit \(number) (\(extract.source) line \(permit.line)).",
                zh: "第 \(r.row) 行：\(name) \"\(r[field])\" 与工作许可名单不一致，名单中许可 \(number) 为 \"\(listed)\"。"
            ))
        }
        return findings
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        // The examples run with the context's extract, which RuleContext.example lists the example permit in.
        RuleExamples(
            triggering: [Example.employee(.workPermitNumber, "FWP3100209999999999"), Example.employee(.passportNumber, "19AB99999"),
                         Example.employee(.workPermitExpiry, "2027-06-30")],
            passing: [Example.employee]
        )
    }
}
