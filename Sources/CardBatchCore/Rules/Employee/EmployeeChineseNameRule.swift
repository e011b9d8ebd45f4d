/// The Chinese name, when given, is written in Chinese characters.
public struct EmployeeChineseNameRule: Rule {
    public static let description = RuleDescription(
        identifier: "employee.chinese-name", severity: .error, scope: .employee, category: .employee,
        title: LocalizedText(en: "Chinese name, when given, is Chinese characters and ·", zh: "中文姓名（如填写）只能包含汉字和间隔号 ·"),
        rationale: "The optional Chinese name is printed as written; it may hold CJK ideographs and the middle dot · that separates transliterated name parts (马克·莱), nothing else.",
        fixHint: .correctEmployeeRow
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
