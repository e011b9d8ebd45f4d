/// Detected where the bytes are read; see `description.rationale`.
public enum RosterEmployerConsistencyRule: DetectedRule {
    public static let description = RuleDescription(
        identifier: "roster.employer-inconsistent", severity: .error, scope: .bundle, category: .roster,
        title: LocalizedText(en: "Every CSV row names the same employer, staff member and letter", zh: "CSV 各行的单位、经办人和授权书信息须一致"),
        rationale: "In a CSV roster the employer, designated staff and letter columns are filled on the first row; later rows may leave them empty or repeat them exactly. Different values mean two employers' staff are mixed in one bundle."
    )

    /// What the intake says (produced for real in `DetectedRuleExampleTests`).
    public static let example = LocalizedText(
        en: "roster.csv line 4: employer_name \"Beijing Other Trading Co., Ltd.\" differs from the first row (\"Shanghai Lumen Optics Co., Ltd.\"). One bundle holds one employer's application; leave the cell empty or repeat the first row's value.",
        zh: "roster.csv 第 4 行：employer_name \"Beijing Other Trading Co., Ltd.\" 与第一行（\"Shanghai Lumen Optics Co., Ltd.\"）不一致。一个压缩包只能对应一家单位；请留空或与第一行一致。")
}
