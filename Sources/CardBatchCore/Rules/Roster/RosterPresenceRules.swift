/// The bundle holds a roster: `roster.xml` or `roster.csv` at its root (or in its single wrapping folder).
public struct RosterMissingRule: Rule {
    public static let description = RuleDescription(
        identifier: "roster.missing", severity: .error, scope: .bundle,
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

/// The bundle holds exactly one roster.
public struct RosterMultipleRule: Rule {
    public static let description = RuleDescription(
        identifier: "roster.multiple", severity: .error, scope: .bundle,
        title: LocalizedText(en: "The bundle holds exactly one roster", zh: "压缩包只能含一份名册"),
        rationale: "With both roster.xml and roster.csv the outlet cannot know which one the employer meant."
    )
    public init() {}

    public func check(_ names: [String], in context: RuleContext) -> [Finding] {
        let rosters = BundleLayout.rosterCandidates(in: names)
        guard rosters.count > 1 else { return [] }
        return [Self.description.finding(
            at: Location(bundle: context.bundle), value: rosters.joined(separator: ", "), expected: "exactly one roster",
            en: "The bundle holds \(rosters.count) rosters (\(rosters.joined(separator: ", "))). Keep exactly one.",
            zh: "压缩包含 \(rosters.count) 份名册（\(rosters.joined(separator: "、"))）。请只保留一份。"
        )]
    }

    public static var examples: RuleExamples<[String]> {
        RuleExamples(triggering: [["roster.csv", "roster.xml"]], passing: [["roster.csv"], ["roster.xml", "photos/a.jpg"]])
    }
}
