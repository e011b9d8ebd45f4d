/// No employer, staff or letter field is longer than the configured maximum.
public struct EmployerFieldLengthRule: Rule {
    public static let description = RuleDescription(
        identifier: "employer.field-length", severity: .error, scope: .bundle, category: .employer,
        title: LocalizedText(en: "Employer fields are within the length limit", zh: "单位信息长度不超过上限"),
        rationale: "An oversized cell is a paste mistake or an attack. Configured by roster.maxFieldLength.",
        configurationKeys: ["roster.maxFieldLength"]
    )
    public init() {}

    public func check(_ facts: BundleFacts, in context: RuleContext) -> [Finding] {
        let cap = context.configuration.roster.maxFieldLength
        return RosterField.bundleFields.filter { facts.header[$0].count > cap }.map { field in
            let name = field.name(in: facts.rosterFormat)
            let count = facts.header[field].count
            return Self.description.finding(
                at: Location(bundle: context.bundle, entry: context.rosterEntry, line: facts.header.line),
                field: name, value: "\(count) characters", expected: "at most \(cap) characters",
                en: "\(name) is \(count) characters long; at most \(cap) are accepted.",
                zh: "\(name) 长 \(count) 个字符，上限为 \(cap) 个。"
            )
        }
    }

    public static var examples: RuleExamples<BundleFacts> {
        RuleExamples(triggering: [Example.bundle { $0.header[.employerName] = String(repeating: "x", count: 201) }],
                     passing: [Example.bundle])
    }
}
