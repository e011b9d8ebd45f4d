/// The roster lists no more employees than one bundle may hold.
public struct RosterTooManyEmployeesRule: Rule {
    public static let description = RuleDescription(
        identifier: "roster.too-many-employees", severity: .error, scope: .bundle, category: .roster,
        title: LocalizedText(en: "The roster lists at most the configured number of employees", zh: "名册员工人数不超过上限"),
        rationale: "Bounds the work one bundle can demand. Configured by roster.maxEmployees.",
        configurationKeys: ["roster.maxEmployees"]
    )
    public init() {}

    public func check(_ facts: BundleFacts, in context: RuleContext) -> [Finding] {
        let cap = context.configuration.roster.maxEmployees
        guard facts.employeeCount > cap else { return [] }
        return [Self.description.finding(
            at: Location(bundle: context.bundle, entry: context.rosterEntry), value: "\(facts.employeeCount) employees", expected: "at most \(cap)",
            en: "The roster lists \(facts.employeeCount) employees; one bundle may hold at most \(cap). Split them over several bundles.",
            zh: "名册列出 \(facts.employeeCount) 名员工，单个压缩包上限为 \(cap) 名。请拆分为多个压缩包。"
        )]
    }

    public static var examples: RuleExamples<BundleFacts> {
        RuleExamples(triggering: [Example.bundle { $0.employeeCount = 10_001 }], passing: [Example.bundle])
    }
}
