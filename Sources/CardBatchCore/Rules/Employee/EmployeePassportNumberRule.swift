/// The passport number is capital Latin letters and digits only.
public struct EmployeePassportNumberRule: Rule {
    public static let description = RuleDescription(
        identifier: "employee.passport-number", severity: .error, scope: .employee, category: .employee,
        title: LocalizedText(en: "Passport number is letters A–Z and digits 0–9, not too long", zh: "护照号码为字母 A–Z 或数字 0–9，长度不超过上限"),
        rationale: "A passport number as printed in the machine-readable zone holds only A–Z and 0–9, at most 9 of them (ICAO 9303); spaces, dashes and look-alike characters make the card unmatchable to the passport. For states that issue longer numbers, raise identity.passportNumberMaxLength.",
        configurationKeys: ["identity.passportNumberMaxLength"],
        fixHint: .correctEmployeeRow
    )
    public init() {}

    public func check(_ subject: EmployeeSubject, in context: RuleContext) -> [Finding] {
        let record = subject.record
        let number = record[.passportNumber]
        guard !number.isEmpty else { return [] }
        let name = RosterField.passportNumber.name(in: record.format)
        let maxLength = context.configuration.identity.passportNumberMaxLength
        let ok = number.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
        if ok && number.count > maxLength {
            return [record.finding(
                Self.description, context, field: .passportNumber, value: number, expected: "at most \(maxLength) characters",
                en: "Row \(record.row): \(name) \"\(number)\" has \(number.count) characters; a passport number has at most \(maxLength). Copy it from the passport's machine-readable zone.",
                zh: "第 \(record.row) 行：\(name) \"\(number)\" 有 \(number.count) 位，护照号码最多 \(maxLength) 位。请按护照机读区抄写。"
            )]
        }
        guard !ok else { return [] }
        return [record.finding(
            Self.description, context, field: .passportNumber, value: number, expected: "only A–Z and 0–9",
            en: "Row \(record.row): \(name) \"\(number)\" may hold only letters A–Z and digits 0–9. Remove spaces, dashes and other characters.",
            zh: "第 \(record.row) 行：\(name) \"\(number)\" 只能包含字母 A–Z 和数字 0–9，请删除空格、横线等字符。"
        )]
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(
            triggering: [Example.employee(.passportNumber, "19AB-12345"), Example.employee(.passportNumber, "19 AB12345"),
                         Example.employee(.passportNumber, "Ｅ1234567"), Example.employee(.passportNumber, "1234567890")],
            passing: [Example.employee, Example.employee(.passportNumber, "L898902C3"), Example.employee(.passportNumber, "7")]
        )
    }
}
