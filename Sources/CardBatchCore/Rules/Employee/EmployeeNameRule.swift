/// Surname and given names are written in the passport's Latin letters, and fit on the card.
public struct EmployeeNameRule: Rule {
    public static let description = RuleDescription(
        identifier: "employee.name", severity: .error, scope: .employee, category: .employee,
        title: LocalizedText(en: "Names are Latin letters as in the passport and fit on the card", zh: "姓名须为护照上的拉丁字母且不超过卡面长度"),
        rationale: "The card prints the name as the passport's machine-readable zone spells it: letters A–Z, spaces, hyphens and apostrophes (lower case is accepted and written in capitals). Accented letters are transliterated in the passport (MÜLLER is MUELLER). Configured by identity.maxPrintedNameLength.",
        configurationKeys: ["identity.maxPrintedNameLength"],
        fixHint: .correctEmployeeRow
    )
    public init() {}

    static func isLatinName(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || $0 == " " || $0 == "-" || $0 == "'" }
    }

    public func check(_ subject: EmployeeSubject, in context: RuleContext) -> [Finding] {
        let r = subject.record
        var findings: [Finding] = []
        for field in [RosterField.surname, .givenNames] where !r[field].isEmpty && !Self.isLatinName(r[field]) {
            let name = field.name(in: r.format)
            findings.append(r.finding(
                Self.description, context, field: field, value: r[field], expected: "letters A–Z, space, hyphen, apostrophe",
                en: "Row \(r.row): \(name) \"\(r[field])\" may hold only the Latin letters A–Z, spaces, hyphens and apostrophes. Copy it as the passport's machine-readable zone spells it.",
                zh: "第 \(r.row) 行：\(name) \"\(r[field])\" 只能包含拉丁字母 A–Z、空格、连字符和撇号。请按护照机读区拼写填写。"
            ))
        }
        let printed = [r[.surname], r[.givenNames]].filter { !$0.isEmpty }.joined(separator: " ")
        let cap = context.configuration.identity.maxPrintedNameLength
        if printed.count > cap {
            findings.append(r.finding(
                Self.description, context, field: .givenNames, value: "\(printed.count) characters", expected: "at most \(cap) characters",
                en: "Row \(r.row): the name \"\(printed)\" has \(printed.count) characters; the card prints at most \(cap). Use the name as shortened in the passport's machine-readable zone.",
                zh: "第 \(r.row) 行：姓名 \"\(printed)\" 共 \(printed.count) 个字符，卡面最多 \(cap) 个。请使用护照机读区中的缩写形式。"
            ))
        }
        return findings
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(
            triggering: [Example.employee(.surname, "MÜLLER"), Example.employee(.givenNames, "CLAIRE2"), Example.employee(.surname, "马丁"),
                         Example.employee(.givenNames, String(repeating: "A", count: 45))],
            passing: [Example.employee, Example.employee(.surname, "O'BRIEN"), Example.employee(.surname, "GARCIA-LOPEZ")]
        )
    }
}
