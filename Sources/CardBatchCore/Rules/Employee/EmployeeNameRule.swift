/// Surname and given names are written in the passport's Latin letters, and fit on the card.
public struct EmployeeNameRule: Rule {
    public static let description = RuleDescription(
        identifier: "employee.name", severity: .error, scope: .employee,
        title: LocalizedText(en: "Names are Latin letters as in the passport and fit on the card", zh: "姓名须为护照上的拉丁字母且不超过卡面长度"),
        rationale: "The card prints the name as the passport's machine-readable zone spells it: letters A–Z, spaces, hyphens and apostrophes (lower case is accepted and written in capitals). Accented letters are transliterated in the passport (MÜLLER is MUELLER). Configured by identity.maxPrintedNameLength."
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

/// The Chinese name, when given, is written in Chinese characters.
public struct EmployeeChineseNameRule: Rule {
    public static let description = RuleDescription(
        identifier: "employee.chinese-name", severity: .error, scope: .employee,
        title: LocalizedText(en: "Chinese name, when given, is Chinese characters and ·", zh: "中文姓名（如填写）只能包含汉字和间隔号 ·"),
        rationale: "The optional Chinese name is printed as written; it may hold CJK ideographs and the middle dot · that separates transliterated name parts (马克·莱), nothing else."
    )
    public init() {}

    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2EBEF, 0x30000...0x3134F, 0xF900...0xFAFF, 0x2F800...0x2FA1F: true
        default: false
        }
    }

    public func check(_ subject: EmployeeSubject, in context: RuleContext) -> [Finding] {
        let r = subject.record
        let value = r[.chineseName]
        guard !value.isEmpty, !value.unicodeScalars.allSatisfy({ Self.isCJK($0) || $0 == "·" }) else { return [] }
        let name = RosterField.chineseName.name(in: r.format)
        return [r.finding(
            Self.description, context, field: .chineseName, value: value, expected: "Chinese characters and ·",
            en: "Row \(r.row): \(name) \"\(value)\" may hold only Chinese characters and the middle dot ·; leave it empty if the employee has no Chinese name.",
            zh: "第 \(r.row) 行：\(name) \"\(value)\" 只能包含汉字和间隔号 ·；如无中文姓名请留空。"
        )]
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(triggering: [Example.employee(.chineseName, "Claire"), Example.employee(.chineseName, "马克 莱"), Example.employee(.chineseName, "马克.莱")],
                     passing: [Example.employee, Example.employee(.chineseName, "马克·莱"), Example.employee(.chineseName, "")])
    }
}
