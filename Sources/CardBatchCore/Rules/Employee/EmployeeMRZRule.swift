/// When the roster carries the passport's machine-readable zone, its check digits are right and it
/// says what the roster says.
public struct EmployeeMRZRule: Rule {
    public static let description = RuleDescription(
        identifier: "employee.mrz", severity: .error, scope: .employee, category: .employee,
        title: LocalizedText(en: "The passport MRZ, when given, is valid and matches the roster", zh: "护照机读区（如填写）须校验正确且与名册一致"),
        rationale: "The two machine-readable lines (ICAO 9303 Part 4, TD3) are what a passport reader sees. Their check digits (weights 7-3-1) catch mistyped numbers and dates, and comparing them with the roster catches a row that mixes two people's data. Optional columns mrz_line1 and mrz_line2.",
        fixHint: .correctEmployeeRow,
        expectsRosterData: true
    )
    public init() {}

    static let chineseFieldNames = ["passport number": "护照号码", "date of birth": "出生日期", "expiry date": "有效期至",
                                    "personal number": "个人号码", "composite": "综合"]

    public func check(_ subject: EmployeeSubject, in context: RuleContext) -> [Finding] {
        let r = subject.record
        let l1 = r[.mrzLine1], l2 = r[.mrzLine2]
        guard !l1.isEmpty || !l2.isEmpty else { return [] }
        func finding(_ field: RosterField, _ value: String, _ expected: String, _ en: String, _ zh: String) -> Finding {
            r.finding(Self.description, context, field: field, value: value, expected: expected,
                      en: "Row \(r.row): \(en)", zh: "第 \(r.row) 行：\(zh)")
        }
        let mrz: MRZ
        do {
            mrz = try MRZ(line1: l1, line2: l2)
        } catch {
            let (field, en, zh): (RosterField, String, String) = switch error {
            case .length(let line, let count): (line == 1 ? .mrzLine1 : .mrzLine2, "MRZ line \(line) has \(count) characters; a passport's lines have 44 each (copy both lines, fillers < included).", "机读区第 \(line) 行为 \(count) 个字符，护照机读区每行 44 个字符（含填充符 <）。")
            case .characters(let line): (line == 1 ? .mrzLine1 : .mrzLine2, "MRZ line \(line) may hold only A–Z, 0–9 and <.", "机读区第 \(line) 行只能包含 A–Z、0–9 和 <。")
            case .notAPassport: (.mrzLine1, "MRZ line 1 does not start with P: it is not a passport's machine-readable zone.", "机读区第 1 行不以 P 开头，不是护照机读区。")
            }
            return [finding(field, field == .mrzLine1 ? l1 : l2, "a TD3 passport MRZ line of 44 characters", en, zh)]
        }
        var findings = mrz.checkDigitFailures.map { f in
            finding(.mrzLine2, l2, "check digit \(f.expected)",
                    "the MRZ check digit of the \(f.field) is \(f.found) but should be \(f.expected): a character of the MRZ is mistyped.",
                    "机读区\(Self.chineseFieldNames[f.field] ?? f.field)校验位为 \(f.found)，应为 \(f.expected)：机读区有字符抄错。")
        }
        func yymmdd(_ field: RosterField) -> String? {
            CalendarDate(iso: r[field]).map { String($0.description.dropFirst(2).filter { $0 != "-" }) }
        }
        func nameMatches(_ roster: String, _ inMRZ: String) -> Bool {
            let expected = MRZ.mrzName(roster)
            // The MRZ truncates long names to fit its 39 characters.
            return inMRZ == expected || (expected.hasPrefix(inMRZ) && !inMRZ.isEmpty && l1.last != "<")
        }
        var mismatches: [(RosterField, String, String)] = []
        if !nameMatches(r[.surname], mrz.surname) { mismatches.append((.surname, mrz.surname, MRZ.mrzName(r[.surname]))) }
        if !nameMatches(r[.givenNames], mrz.givenNames) { mismatches.append((.givenNames, mrz.givenNames, MRZ.mrzName(r[.givenNames]))) }
        if mrz.passportNumber != r[.passportNumber] { mismatches.append((.passportNumber, mrz.passportNumber, r[.passportNumber])) }
        if mrz.nationality != r[.nationality] { mismatches.append((.nationality, mrz.nationality, r[.nationality])) }
        if let dob = yymmdd(.dateOfBirth), dob != mrz.dateOfBirth { mismatches.append((.dateOfBirth, mrz.dateOfBirth, dob)) }
        if (r[.sex] == "X" ? "<" : r[.sex]) != mrz.sex { mismatches.append((.sex, mrz.sex, r[.sex])) }
        if let expiry = yymmdd(.passportExpiry), expiry != mrz.expiry { mismatches.append((.passportExpiry, mrz.expiry, expiry)) }
        for (field, inMRZ, inRoster) in mismatches {
            let name = field.name(in: r.format)
            findings.append(finding(field, inMRZ, inRoster,
                                    "the MRZ gives \(name) as \"\(inMRZ)\" but the roster says \"\(inRoster)\". Correct whichever was copied wrongly from the passport.",
                                    "机读区中 \(name) 为 \"\(inMRZ)\"，名册为 \"\(inRoster)\"。请按护照更正抄错的一方。"))
        }
        return findings
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        let r = Example.record
        let (l1, l2) = MRZ.compose(surname: r[.surname], givenNames: r[.givenNames], passportNumber: r[.passportNumber],
                                   nationality: r[.nationality], dateOfBirth: r[.dateOfBirth], sex: r[.sex], expiry: r[.passportExpiry])
        func with(_ a: String, _ b: String) -> EmployeeSubject { Example.employee { $0.record[.mrzLine1] = a; $0.record[.mrzLine2] = b } }
        var typo = Array(l2)
        typo[3] = typo[3] == "1" ? "2" : "1"
        return RuleExamples(
            triggering: [with(l1, String(typo)), with(l1, String(l2.dropLast())), with(l1, ""),
                         { var s = with(l1, l2); s.record[.dateOfBirth] = "1988-04-13"; return s }(),
                         { var s = with(l1, l2); s.record[.surname] = "MARTINEZ"; return s }()],
            passing: [Example.employee, with(l1, l2)]
        )
    }
}
