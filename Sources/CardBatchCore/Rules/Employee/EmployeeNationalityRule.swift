/// The nationality is an ICAO 9303 three-letter code.
public struct EmployeeNationalityRule: Rule {
    public static let description = RuleDescription(
        identifier: "employee.nationality", severity: .error, scope: .employee, category: .employee,
        title: LocalizedText(en: "Nationality is an ICAO 9303 / ISO 3166-1 alpha-3 code", zh: "国籍须为 ICAO 9303 / ISO 3166-1 三字母代码"),
        rationale: "The nationality is written as in the passport's machine-readable zone: ISO 3166-1 alpha-3 (FRA, USA, GBR) or one of ICAO's own codes (D for Germany, XXA for stateless persons). Together with the passport number it identifies the employee.",
        fixHint: .correctEmployeeRow
    )
    public init() {}

    public func check(_ subject: EmployeeSubject, in context: RuleContext) -> [Finding] {
        let record = subject.record
        let code = record[.nationality]
        guard !code.isEmpty, !NationalityCodes.isValid(code) else { return [] }
        let name = RosterField.nationality.name(in: record.format)
        return [record.finding(
            Self.description, context, field: .nationality, value: code, expected: "an ICAO 9303 three-letter code such as FRA, USA, GBR or D",
            en: "Row \(record.row): \(name) \"\(code)\" is not an ICAO 9303 nationality code. Copy the three letters after P< in the passport's machine-readable zone (for example FRA, USA, GBR).",
            zh: "第 \(record.row) 行：\(name) \"\(code)\" 不是 ICAO 9303 国籍代码。请抄写护照机读区中的三字母代码（例如 FRA、USA、GBR）。"
        )]
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(
            triggering: [Example.employee(.nationality, "FR"), Example.employee(.nationality, "FRANCE"), Example.employee(.nationality, "ZZZ")],
            passing: [Example.employee, Example.employee(.nationality, "D"), Example.employee(.nationality, "XXA"), Example.employee(.nationality, "GBR")]
        )
    }
}
