/// The roster lists at least one employee.
public struct RosterEmptyRule: Rule {
    public static let description = RuleDescription(
        identifier: "roster.empty", severity: .error, scope: .bundle,
        title: LocalizedText(en: "The roster lists at least one employee", zh: "名册至少列出一名员工"),
        rationale: "A bundle is an application for its employees' cards; an empty roster applies for nothing."
    )
    public init() {}

    public func check(_ facts: BundleFacts, in context: RuleContext) -> [Finding] {
        guard facts.employeeCount == 0 else { return [] }
        return [Self.description.finding(
            at: Location(bundle: context.bundle, entry: context.rosterEntry), value: "0 employees", expected: "at least 1 employee",
            en: "The roster lists no employees. Add one row (CSV) or <employee> element (XML) per employee.",
            zh: "名册中没有员工。请每名员工填写一行（CSV）或一个 <employee> 元素（XML）。"
        )]
    }

    public static var examples: RuleExamples<BundleFacts> {
        RuleExamples(triggering: [Example.bundle { $0.employeeCount = 0 }], passing: [Example.bundle])
    }
}

/// The roster lists no more employees than one bundle may hold.
public struct RosterTooManyEmployeesRule: Rule {
    public static let description = RuleDescription(
        identifier: "roster.too-many-employees", severity: .error, scope: .bundle,
        title: LocalizedText(en: "The roster lists at most the configured number of employees", zh: "名册员工人数不超过上限"),
        rationale: "Bounds the work one bundle can demand. Configured by roster.maxEmployees."
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
