/// Detected where the bytes are read; see `description.rationale`.
public enum RosterDTDRule: DetectedRule {
    public static let description = RuleDescription(
        identifier: "roster.dtd", severity: .error, scope: .bundle, category: .roster,
        title: LocalizedText(en: "The XML roster has no DOCTYPE or entity declarations", zh: "XML 名册不得含 DOCTYPE 或实体声明"),
        rationale: "DTDs and entities enable external-entity (XXE) and entity-expansion (billion laughs) attacks and serve no purpose in a roster. libxml2 runs with network access, DTD loading and entity substitution off, and a roster that declares a DOCTYPE is refused."
    )

    /// What the intake says (produced for real in `DetectedRuleExampleTests`).
    public static let example = LocalizedText(en: "roster.xml line 2 declares a DOCTYPE or entity. Rosters must not contain DTDs or entities; remove the declaration.",
        zh: "roster.xml 第 2 行含 DOCTYPE 或实体声明。名册不得包含 DTD 或实体，请删除。")
}
