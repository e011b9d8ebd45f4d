/// The designated staff member's ID number is valid for its type, and the staff member is an adult.
public struct EmployerStaffIDRule: Rule {
    public static let description = RuleDescription(
        identifier: "employer.staff-id", severity: .error, scope: .bundle, category: .employer,
        title: LocalizedText(en: "Designated staff ID number is valid for its type", zh: "经办人证件号码须符合证件类型"),
        rationale: "Designated Staff's Valid Identification (Document Requirements). A resident ID card number follows GB 11643-1999 (region code, real birth date, ISO 7064 MOD 11-2 check character, X allowed); a foreign permanent resident ID card is either the 18-digit form starting with 9 (MOD 11-2) or the older 15-character form (three letters of nationality, 7-3-1 check digit); a passport number is letters and digits.",
        configurationKeys: ["identity.minimumAge", "identity.passportNumberMaxLength"]
    )
    public init() {}

    /// Province codes of GB/T 2260, the first two digits of a resident ID number.
    static let provinces: Set<String> = [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44",
        "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82",
    ]

    /// The birth date an ID number carries, or why the number is invalid.
    public static func validate(_ number: String, type: StaffIDType, passportMaxLength: Int = 9) -> Result<CalendarDate?, IDProblem> {
        let chars = Array(number)
        func date(_ range: Range<Int>, century: Int? = nil) -> CalendarDate? {
            let s = String(chars[range])
            if let century { return CalendarDate(iso: "\(century)\(s.prefix(2))-\(s.dropFirst(2).prefix(2))-\(s.suffix(2))") }
            return CalendarDate(iso: "\(s.prefix(4))-\(s.dropFirst(4).prefix(2))-\(s.suffix(2))")
        }
        switch type {
        case .residentIDCard where chars.count == 18, .permanentResidentIDCard where chars.count == 18:
            guard chars.prefix(17).allSatisfy(\.isASCIIDigit), chars[17].isASCIIDigit || chars[17] == "X" else {
                return .failure(IDProblem("it must be 17 digits followed by a digit or X"))
            }
            if type == .residentIDCard && !provinces.contains(String(chars[0..<2])) {
                return .failure(IDProblem("\(String(chars[0..<2])) is not a province code"))
            }
            if type == .permanentResidentIDCard && chars[0] != "9" {
                return .failure(IDProblem("an 18-digit permanent resident ID card number starts with 9"))
            }
            guard let birth = date(6..<14) else { return .failure(IDProblem("\(String(chars[6..<14])) is not a real birth date")) }
            let expected = CheckCharacters.mod11_2(String(chars.prefix(17)))!
            guard chars[17] == expected else { return .failure(IDProblem("its check character is \(chars[17]) but should be \(expected)")) }
            return .success(birth)
        case .residentIDCard:
            return .failure(IDProblem("it has \(chars.count) characters; a resident ID card number has 18"))
        case .permanentResidentIDCard:
            guard chars.count == 15 else {
                return .failure(IDProblem("it has \(chars.count) characters; a permanent resident ID card number has 18 (new) or 15 (old)"))
            }
            guard chars.prefix(3).allSatisfy({ ("A"..."Z").contains($0) }), chars.dropFirst(3).allSatisfy(\.isASCIIDigit) else {
                return .failure(IDProblem("the old form is three letters of nationality followed by 12 digits"))
            }
            let expected = MRZ.checkDigit(String(chars.prefix(14)))
            guard chars[14] == expected else { return .failure(IDProblem("its check digit is \(chars[14]) but should be \(expected)")) }
            let yy = Int(String(chars[5..<7]))!
            return .success(date(5..<11, century: yy > 30 ? 19 : 20))
        case .passport:
            guard (1...passportMaxLength).contains(chars.count), chars.allSatisfy({ ("A"..."Z").contains($0) || $0.isASCIIDigit }) else {
                return .failure(IDProblem("a passport number is 1 to \(passportMaxLength) letters A–Z and digits"))
            }
            return .success(nil)
        }
    }

    public struct IDProblem: Error, Equatable {
        public let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    public func check(_ facts: BundleFacts, in context: RuleContext) -> [Finding] {
        let number = facts.header[.staffIDNumber]
        guard !number.isEmpty, let type = StaffIDType(rawValue: facts.header[.staffIDType]) else { return [] }
        let location = Location(bundle: context.bundle, entry: context.rosterEntry, line: facts.header.line)
        let name = RosterField.staffIDNumber.name(in: facts.rosterFormat)
        switch Self.validate(number, type: type, passportMaxLength: context.configuration.identity.passportNumberMaxLength) {
        case .failure(let problem):
            return [Self.description.finding(
                at: location, field: name, value: number, expected: "a valid \(type.rawValue) number",
                en: "\(name) \"\(number)\" is not a valid \(type.rawValue) number: \(problem.reason). Copy it from the designated staff member's ID.",
                zh: "\(name) \"\(number)\" 不是有效的证件号码。请按经办人证件抄写。"
            )]
        case .success(let birth?):
            let minimum = context.configuration.identity.minimumAge
            let age = birth.wholeYears(until: context.processingDate)
            guard age < minimum else { return [] }
            return [Self.description.finding(
                at: location, field: name, value: "born \(birth) (age \(age))", expected: "age \(minimum) or over",
                en: "The designated staff member (ID \(number)) is \(age) on \(context.processingDate); an adult of at least \(minimum) must apply.",
                zh: "经办人（证件号 \(number)）在 \(context.processingDate) 为 \(age) 周岁，须由年满 \(minimum) 周岁的成年人办理。"
            )]
        case .success(nil):
            return []
        }
    }

    public static var examples: RuleExamples<BundleFacts> {
        func staff(_ type: String, _ number: String) -> BundleFacts {
            Example.bundle { $0.header[.staffIDType] = type; $0.header[.staffIDNumber] = number }
        }
        return RuleExamples(
            triggering: [staff("resident-id-card", "110101199003074515"), staff("resident-id-card", "990101199003074514"),
                         staff("resident-id-card", "11010119900230451X"), staff("resident-id-card", "11010119900307451"),
                         staff("resident-id-card", "110101201203074510"), staff("permanent-resident-id-card", "110101199003074514"),
                         staff("permanent-resident-id-card", "USA310085030429"), staff("passport", "E-1234567")],
            passing: [Example.bundle, staff("resident-id-card", "11010519491231002X"), staff("permanent-resident-id-card", "931234198001011239"),
                      staff("permanent-resident-id-card", "USA310085030420"), staff("passport", "E12345678")]
        )
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
