/// The work permit number has the configured shape.
public struct EmployeeWorkPermitNumberRule: Rule {
    public static let description = RuleDescription(
        identifier: "employee.work-permit-number", severity: .error, scope: .employee, category: .employee,
        title: LocalizedText(en: "Work permit number has the expected form", zh: "工作许可证号格式正确"),
        rationale: "The work permit number links the card to the Work Permit data. By default it is 8 to 24 letters and digits; configured by identity.workPermitPattern (a regular expression the whole number must match).",
        configurationKeys: ["identity.workPermitPattern"],
        fixHint: .correctEmployeeRow
    )
    public init() {}

    public func check(_ subject: EmployeeSubject, in context: RuleContext) -> [Finding] {
        let r = subject.record
        let number = r[.workPermitNumber]
        let pattern = context.configuration.identity.workPermitPattern
        guard !number.isEmpty, let regex = try? Regex(pattern), (try? regex.wholeMatch(in: number)) == nil else { return [] }
        let name = RosterField.workPermitNumber.name(in: r.format)
        return [r.finding(
            Self.description, context, field: .workPermitNumber, value: number, expected: "matching \(pattern)",
            en: "Row \(r.row): \(name) \"\(number)\" is not a work permit number (expected \(pattern)). Copy it from the work permit without spaces or dashes.",
            zh: "第 \(r.row) 行：\(name) \"\(number)\" 不是有效的工作许可证号（应符合 \(pattern)）。请按工作许可抄写，不含空格或横线。"
        )]
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(triggering: [Example.employee(.workPermitNumber, "FWP-31002"), Example.employee(.workPermitNumber, "1234567")],
                     passing: [Example.employee, Example.employee(.workPermitNumber, "131000207939966056")])
    }
}
