/// Detected where the bytes are read; see `description.rationale`.
public enum RosterSchemaRule: DetectedRule {
    public static let description = RuleDescription(
        identifier: "roster.schema", severity: .error, scope: .bundle, category: .roster,
        title: LocalizedText(en: "The roster follows the published schema or CSV template", zh: "名册须符合公布的 XML 架构或 CSV 模板"),
        rationale: "An XML roster is validated against roster.xsd with libxml2's schema validator; a CSV roster must have the template's header columns and the same number of cells in every row."
    )

    /// What the intake says (produced for real in `DetectedRuleExampleTests`).
    public static let example = LocalizedText(
        en: "roster.xml line 19: Element 'gender': This element is not expected. Expected is one of ( sex, dateOfBirth, nationality, passportNumber, passportExpiry, workPermitNumber, workPermitExpiry, photo, mrzLine1, mrzLine2 ).",
        zh: "roster.xml 第 19 行：不符合 roster.xsd（Element 'gender': This element is not expected. Expected is one of ( sex, dateOfBirth, nationality, passportNumber, passportExpiry, workPermitNumber, workPermitExpiry, photo, mrzLine1, mrzLine2 )）。")
}
