/// Every employee field but the Chinese name is filled in.
public struct EmployeeRequiredFieldRule: Rule {
    public static let description = RuleDescription(
        identifier: "employee.required-field", severity: .error, scope: .employee, category: .employee,
        title: LocalizedText(en: "Every required employee field is filled in", zh: "员工必填项须填写"),
        rationale: "The card production centre needs the name as in the passport, sex, date of birth, nationality, passport number and expiry, work permit number and expiry, and the photo (Centralized Application by Employer, (II)).",
        fixHint: .correctEmployeeRow
    )
    public init() {}

    public func check(_ subject: EmployeeSubject, in context: RuleContext) -> [Finding] {
        let record = subject.record
        return RosterField.employeeFields.filter { !$0.isOptional && record[$0].isEmpty }.map { field in
            let name = field.name(in: record.format)
            return record.finding(
                Self.description, context, field: field, value: "", expected: "a value",
                en: "Row \(record.row): \(name) is empty. Fill it in as printed in the passport or work permit.",
                zh: "第 \(record.row) 行：\(name) 为空。请按护照或工作许可上的内容填写。"
            )
        }
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(
            triggering: [Example.employee(.passportNumber, ""), Example.employee(.workPermitNumber, ""), Example.employee(.surname, "")],
            passing: [Example.employee, Example.employee(.chineseName, "")]
        )
    }
}
