/// The employee is an adult on the processing date.
public struct EmployeeAdultRule: Rule {
    public static let description = RuleDescription(
        identifier: "employee.adult", severity: .error, scope: .employee, category: .employee,
        title: LocalizedText(en: "The employee is of age on the processing date", zh: "员工在受理日须已成年"),
        rationale: "Work permits are issued to adults; a younger age means a wrong date of birth or a wrong person. Configured by identity.minimumAge.",
        configurationKeys: ["identity.minimumAge"],
        fixHint: .correctEmployeeRow
    )
    public init() {}

    public func check(_ subject: EmployeeSubject, in context: RuleContext) -> [Finding] {
        let r = subject.record
        let minimum = context.configuration.identity.minimumAge
        guard let dob = CalendarDate(iso: r[.dateOfBirth]), dob < context.processingDate else { return [] }
        let age = dob.wholeYears(until: context.processingDate)
        guard age < minimum else { return [] }
        return [r.finding(
            Self.description, context, field: .dateOfBirth, value: "\(dob) (age \(age))", expected: "age \(minimum) or over",
            en: "Row \(r.row): born \(dob), the employee is \(age) on \(context.processingDate); at least \(minimum) is required. Check the date of birth.",
            zh: "第 \(r.row) 行：出生于 \(dob)，在 \(context.processingDate) 为 \(age) 周岁，须年满 \(minimum) 周岁。请核对出生日期。"
        )]
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(triggering: [Example.employee(.dateOfBirth, "2008-11-26"), Example.employee(.dateOfBirth, "2015-01-01")],
                     passing: [Example.employee, Example.employee(.dateOfBirth, "2008-11-25")])
    }
}
