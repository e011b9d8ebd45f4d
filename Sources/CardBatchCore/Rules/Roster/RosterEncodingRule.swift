/// Detected where the bytes are read; see `description.rationale`.
public enum RosterEncodingRule: DetectedRule {
    public static let description = RuleDescription(
        identifier: "roster.encoding", severity: .error, scope: .bundle, category: .roster,
        title: LocalizedText(en: "The roster's text encoding is UTF-8 or GB18030", zh: "名册编码须为 UTF-8 或 GB18030"),
        rationale: "A CSV roster is read as UTF-8 (with or without BOM), or as GB18030/GBK when it is not valid UTF-8, which is what Excel on Chinese Windows saves. UTF-16 files and bytes valid in neither encoding are refused rather than guessed."
    )

    /// What the intake says (produced for real in `DetectedRuleExampleTests`).
    public static let example = LocalizedText(en: "roster.csv cannot be read: the file is UTF-16 (\"Unicode text\"); save it as \"CSV UTF-8\".",
        zh: "roster.csv 无法读取：编码须为 UTF-8 或 GB18030（请另存为“CSV UTF-8”）。")
}
