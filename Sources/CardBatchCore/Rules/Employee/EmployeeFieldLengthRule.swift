/// No employee field is longer than the configured maximum.
public struct EmployeeFieldLengthRule: Rule {
    public static let description = RuleDescription(
        identifier: "employee.field-length", severity: .error, scope: .employee, category: .employee,
        title: LocalizedText(en: "Employee fields are within the length limit", zh: "员工信息长度不超过上限"),
        rationale: "Card fields have a fixed width, and an oversized cell is a paste mistake or an attack. Configured by roster.maxFieldLength.",
        configurationKeys: ["roster.maxFieldLength"],
        fixHint: .correctEmployeeRow
    )
    public init() {}

    public func check(_ subject: EmployeeSubject, in context: RuleContext) -> [Finding] {
        let cap = context.configuration.roster.maxFieldLength
        let record = subject.record
        return RosterField.employeeFields.filter { record[$0].count > cap }.map { field in
            let name = field.name(in: record.format)
            let count = record[field].count
            return record.finding(
                Self.description, context, field: field, value: "\(count) characters", expected: "at most \(cap) characters",
                en: "Row \(record.row): \(name) is \(count) characters long; at most \(cap) are accepted.",
                zh: "第 \(record.row) 行：\(name) 长 \(count) 个字符，上限为 \(cap) 个。"
            )
        }
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(triggering: [Example.employee(.givenNames, String(repeating: "A", count: 201))],
                     passing: [Example.employee(.givenNames, String(repeating: "A", count: 200))])
    }
}
