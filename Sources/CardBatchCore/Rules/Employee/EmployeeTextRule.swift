/// No employee field holds control characters (tabs, line breaks, NUL…).
public struct EmployeeTextRule: Rule {
    public static let description = RuleDescription(
        identifier: "employee.text", severity: .error, scope: .employee, category: .employee,
        title: LocalizedText(en: "Employee fields hold no control characters", zh: "员工信息不得含控制字符"),
        rationale: "Control characters (line breaks inside a cell, tabs, NUL) are invisible in a spreadsheet, cannot be printed on a card and are not allowed in the accepted-records XML.",
        fixHint: .correctEmployeeRow
    )
    public init() {}

    public func check(_ subject: EmployeeSubject, in context: RuleContext) -> [Finding] {
        let record = subject.record
        return RosterField.employeeFields.filter { field in
            record[field].unicodeScalars.contains { $0.properties.generalCategory == .control }
        }.map { field in
            let name = field.name(in: record.format)
            return record.finding(
                Self.description, context, field: field, value: record[field].unicodeScalars.map { $0.properties.generalCategory == .control ? "�" : String($0) }.joined(),
                expected: "printable text",
                en: "Row \(record.row): \(name) contains a control character (a line break, tab or similar). Retype the value.",
                zh: "第 \(record.row) 行：\(name) 含控制字符（换行、制表符等）。请重新输入。"
            )
        }
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(triggering: [Example.employee(.givenNames, "CLAIRE\nANNE"), Example.employee(.surname, "MAR\u{0}TIN")],
                     passing: [Example.employee])
    }
}
