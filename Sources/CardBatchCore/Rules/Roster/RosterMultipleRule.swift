/// The bundle holds exactly one roster.
public struct RosterMultipleRule: Rule {
    public static let description = RuleDescription(
        identifier: "roster.multiple", severity: .error, scope: .bundle, category: .roster,
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
