/// Detected where the bytes are read; see `description.rationale`.
public enum RosterSyntaxRule: DetectedRule {
    public static let description = RuleDescription(
        identifier: "roster.syntax", severity: .error, scope: .bundle, category: .roster,
        title: LocalizedText(en: "The roster is well-formed CSV or XML", zh: "名册须为格式正确的 CSV 或 XML"),
        rationale: "An XML roster must be well-formed XML (libxml2 reports the line); a CSV roster must follow RFC 4180 (quotes closed, one header row)."
    )

    /// What the intake says (produced for real in `DetectedRuleExampleTests`).
    public static let example = LocalizedText(en: "roster.csv line 3 is not valid CSV: a quoted field opened on this line is never closed.",
        zh: "roster.csv 第 3 行不是有效的 CSV：引号使用有误。")
}
