/// Detected where the bytes are read; see `description.rationale`.
public enum RosterEmployerConsistencyRule: RuleDescribing {
    public static let description = RuleDescription(
        identifier: "roster.employer-inconsistent", severity: .error, scope: .bundle, category: .roster,
        title: LocalizedText(en: "Every CSV row names the same employer, staff member and letter", zh: "CSV 各行的单位、经办人和授权书信息须一致"),
        rationale: "In a CSV roster the employer, designated staff and letter columns are filled on the first row; later rows may leave them empty or repeat them exactly. Different values mean two employers' staff are mixed in one bundle."
    )
}
