/// Detected where the bytes are read; see `description.rationale`.
public enum RosterTooLargeRule: DetectedRule {
    public static let description = RuleDescription(
        identifier: "roster.too-large", severity: .error, scope: .bundle, category: .roster,
        title: LocalizedText(en: "The roster file is within its size cap", zh: "名册文件不超过大小上限"),
        rationale: "The roster is read into memory to be parsed, so it has its own cap (archive.maxRosterBytes, 16 MiB by default: far beyond 10,000 employees).",
        configurationKeys: ["archive.maxRosterBytes"]
    )

    /// What the intake says (produced for real in `DetectedRuleExampleTests`).
    public static let example = LocalizedText(en: "The roster roster.csv is 1500 bytes; at most 1000 bytes are accepted.",
        zh: "名册 roster.csv 为 1500 字节，上限为 1000 字节。")
}
