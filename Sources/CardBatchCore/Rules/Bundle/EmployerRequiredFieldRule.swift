/// The employer, designated staff member and letter fields are filled in.
public struct EmployerRequiredFieldRule: Rule {
    public static let description = RuleDescription(
        identifier: "employer.required-field", severity: .error, scope: .bundle, category: .employer,
        title: LocalizedText(en: "Employer, designated staff and letter fields are filled in", zh: "单位、经办人和授权书信息须填写"),
        rationale: "A centralized application is made by the employer through its designated staff member, who needs a valid ID and the employer's authorization letter (Centralized Application by Employer, (III)). Without these, no employee of the bundle can be accepted."
    )
    public init() {}

    public func check(_ facts: BundleFacts, in context: RuleContext) -> [Finding] {
        RosterField.bundleFields.filter { !$0.isOptional && facts.header[$0].isEmpty }.map { field in
            let name = field.name(in: facts.rosterFormat)
            return Self.description.finding(
                at: Location(bundle: context.bundle, entry: context.rosterEntry, line: facts.header.line),
                field: name, value: "", expected: "a value",
                en: "\(name) is empty. The employer, its designated staff member and the authorization letter must be named.",
                zh: "\(name) 为空。须填写单位、经办人及授权书信息。"
            )
        }
    }

    public static var examples: RuleExamples<BundleFacts> {
        RuleExamples(
            triggering: [Example.bundle { $0.header[.employerCreditCode] = "" }, Example.bundle { $0.header[.letterFile] = "" }],
            passing: [Example.bundle, Example.bundle { $0.header[.letterDate] = "" }]
        )
    }
}
