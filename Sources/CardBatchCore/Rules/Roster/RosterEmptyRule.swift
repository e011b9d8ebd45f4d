/// The roster lists at least one employee.
public struct RosterEmptyRule: Rule {
    public static let description = RuleDescription(
        identifier: "roster.empty", severity: .error, scope: .bundle, category: .roster,
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
