/// The bundle holds a roster: `roster.xml` or `roster.csv` at its root (or in its single wrapping folder).
public struct RosterMissingRule: Rule {
    public static let description = RuleDescription(
        identifier: "roster.missing", severity: .error, scope: .bundle, category: .roster,
        title: LocalizedText(en: "The bundle holds a roster", zh: "压缩包须含名册"),
        rationale: "The roster (roster.xml or roster.csv) lists the employees; without it nothing in the bundle can be matched to a person."
    )
    public init() {}

    /// Subject: the bundle's contract names (wrapper stripped, junk ignored).
    public func check(_ names: [String], in context: RuleContext) -> [Finding] {
        guard BundleLayout.rosterCandidates(in: names).isEmpty else { return [] }
        return [Self.description.finding(
            at: Location(bundle: context.bundle), expected: "roster.xml or roster.csv at the top of the ZIP",
            en: "The bundle has no roster. Add roster.csv (from the template) or roster.xml (valid against roster.xsd) at the top of the ZIP.",
            zh: "压缩包中没有名册。请在压缩包根目录放入 roster.csv（按模板）或 roster.xml（符合 roster.xsd）。"
        )]
    }

    public static var examples: RuleExamples<[String]> {
        RuleExamples(triggering: [["photos/a.jpg", "authorization.pdf"], ["photos/roster.csv"]],
                     passing: [["roster.csv", "a.jpg"], ["ROSTER.XML"]])
    }
}
