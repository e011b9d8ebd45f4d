/// The designated staff member's ID type is one the outlet accepts.
public struct EmployerStaffIDTypeRule: Rule {
    public static let description = RuleDescription(
        identifier: "employer.staff-id-type", severity: .error, scope: .bundle, category: .employer,
        title: LocalizedText(en: "Designated staff ID type is a resident ID card, permanent resident ID card or passport", zh: "经办人证件类型须为居民身份证、外国人永久居留身份证或护照"),
        rationale: "Designated Staff's Valid Identification (Document Requirements). Write resident-id-card, permanent-resident-id-card or passport."
    )
    public init() {}

    public func check(_ facts: BundleFacts, in context: RuleContext) -> [Finding] {
        let type = facts.header[.staffIDType]
        guard !type.isEmpty, StaffIDType(rawValue: type) == nil else { return [] }
        let name = RosterField.staffIDType.name(in: facts.rosterFormat)
        let allowed = StaffIDType.allCases.map(\.rawValue).joined(separator: ", ")
        return [Self.description.finding(
            at: Location(bundle: context.bundle, entry: context.rosterEntry, line: facts.header.line),
            field: name, value: type, expected: allowed,
            en: "\(name) \"\(type)\" is not an accepted ID type; write one of \(allowed).",
            zh: "\(name) \"\(type)\" 不是可接受的证件类型，请填写 \(allowed) 之一。"
        )]
    }

    public static var examples: RuleExamples<BundleFacts> {
        RuleExamples(
            triggering: [Example.bundle { $0.header[.staffIDType] = "ID" }, Example.bundle { $0.header[.staffIDType] = "身份证" }],
            passing: [Example.bundle, Example.bundle { $0.header[.staffIDType] = "passport" }]
        )
    }
}
