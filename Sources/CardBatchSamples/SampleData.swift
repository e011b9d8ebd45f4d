public import CardBatchCore

/// Fictional employers and employees for samples, the benchmark and tests. Identity numbers carry
/// correct check characters where the standards define them (GB 32100 credit code, GB 11643 ID).
public enum SampleData {
    public typealias Row = [RosterField: String]

    static let people: [(String, String, String, String, String)] = [
        ("MARTIN", "CLAIRE ANNE", "马克莱", "F", "FRA"), ("SMITH", "JOHN PAUL", "", "M", "GBR"),
        ("MUELLER", "STEFAN", "穆勒", "M", "D"), ("TANAKA", "YUKI", "田中由纪", "F", "JPN"),
        ("KIM", "MINJUN", "金敏俊", "M", "KOR"), ("GARCIA LOPEZ", "MARIA", "", "F", "ESP"),
        ("ROSSI", "LUCA", "罗西", "M", "ITA"), ("JOHNSON", "EMILY ROSE", "", "F", "USA"),
        ("NGUYEN", "VAN AN", "阮文安", "M", "VNM"), ("IVANOVA", "ANNA", "伊万诺娃", "F", "RUS"),
        ("SILVA", "PEDRO HENRIQUE", "", "M", "BRA"), ("O'BRIEN", "SEAN", "", "M", "IRL"),
        ("KUMAR", "PRIYA", "", "F", "IND"), ("DUBOIS", "THOMAS", "杜布瓦", "M", "BEL"),
        ("ANDERSSON", "ERIK", "", "M", "SWE"), ("KOWALSKA", "ZOFIA", "", "F", "POL"),
        ("MOHAMED", "AHMED", "", "M", "EGY"), ("OKAFOR", "CHIDI", "", "M", "NGA"),
        ("SANTOS", "ANA BEATRIZ", "", "F", "PRT"), ("WILLIAMS", "OLIVIA", "", "F", "AUS"),
        ("TREMBLAY", "GABRIEL", "", "M", "CAN"), ("SCHMIDT", "LENA", "施密特", "F", "AUT"),
        ("YILMAZ", "MEHMET", "", "M", "TUR"), ("PETROV", "DMITRI", "", "M", "RUS"),
        ("CHEN", "WEI LING", "陈慧玲", "F", "SGP"), ("HANSEN", "MADS", "", "M", "DNK"),
        ("NOVAK", "PETRA", "", "F", "CZE"), ("RAHMAN", "NUR AISYAH", "", "F", "MYS"),
        ("FERNANDEZ", "DIEGO", "", "M", "ARG"), ("SATO", "HIROSHI", "佐藤浩", "M", "JPN"),
    ]

    /// `count` distinct employees; the same `seed` always gives the same people.
    public static func employees(count: Int, seed: UInt64, photoFolder: String = "photos") -> [Row] {
        var rng = SplitMix64(seed: seed)
        var used: Set<String> = []
        return (0..<count).map { i in
            let p = people[i % people.count]
            var number: String
            repeat {
                let letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
                number = String((0..<2).map { _ in letters.randomElement(using: &rng)! })
                    + String(format7(Int.random(in: 0..<10_000_000, using: &rng)))
            } while !used.insert("\(p.4)/\(number)").inserted
            let suffix = i < people.count ? "" : "-\(i / people.count + 1)"
            let slug = p.0.lowercased().map { $0.isLetter ? String($0) : "-" }.joined() + suffix
            var row: Row = [
                .surname: p.0, .givenNames: p.1, .chineseName: i < people.count ? p.2 : "", .sex: p.3,
                .dateOfBirth: date(Int.random(in: 1968...1998, using: &rng), &rng), .nationality: p.4,
                .passportNumber: number, .passportExpiry: date(Int.random(in: 2029...2035, using: &rng), &rng),
                .workPermitNumber: "13100020" + String(format10(Int.random(in: 0..<10_000_000_000, using: &rng))),
                .workPermitExpiry: date(Int.random(in: 2027...2029, using: &rng), &rng),
                .photo: "\(photoFolder)/\(slug).jpg",
            ]
            // Every other employee carries the passport's machine-readable zone, as a reader would copy it.
            if i % 2 == 0 { withMRZ(&row) }
            return row
        }
    }

    /// Fills the MRZ columns from the row's own fields, with correct check digits.
    public static func withMRZ(_ row: inout Row) {
        let (l1, l2) = MRZ.compose(surname: row[.surname] ?? "", givenNames: row[.givenNames] ?? "",
                                   passportNumber: row[.passportNumber] ?? "", nationality: row[.nationality] ?? "",
                                   dateOfBirth: row[.dateOfBirth] ?? "", sex: row[.sex] ?? "", expiry: row[.passportExpiry] ?? "")
        row[.mrzLine1] = l1
        row[.mrzLine2] = l2
    }

    static func format7(_ n: Int) -> String { let s = String(n); return String(repeating: "0", count: 7 - s.count) + s }
    static func format10(_ n: Int) -> String { let s = String(n); return String(repeating: "0", count: 10 - s.count) + s }

    static func date(_ year: Int, _ rng: inout SplitMix64) -> String {
        CalendarDate(year: year, month: Int.random(in: 1...12, using: &rng), day: Int.random(in: 1...28, using: &rng))!.description
    }

    public static let employer: Row = [
        .employerName: "Shanghai Lumen Optics Co., Ltd.", .employerCreditCode: creditCode("91310115MA1K4LXX3"),
        .staffName: "王芳", .staffIDType: "resident-id-card", .staffIDNumber: residentID("11010119900307451"),
        .staffPhone: "+86 21 5080 1234", .letterFile: "authorization.pdf", .letterDate: "2026-11-02",
    ]

    /// Completes a 17-character Unified Social Credit Code with its GB 32100-2015 check character.
    public static func creditCode(_ first17: String) -> String {
        first17 + String(CheckCharacters.creditCode(first17)!)
    }

    /// Completes a 17-digit resident ID number with its GB 11643-1999 (ISO 7064 MOD 11-2) check character.
    public static func residentID(_ first17: String) -> String {
        first17 + String(CheckCharacters.mod11_2(first17)!)
    }
}

/// Writes rosters in both formats from plain rows, including broken values for rejection samples.
public enum RosterWriter {
    public static func csv(employer: SampleData.Row, employees: [SampleData.Row], lineEnd: String = "\r\n") -> String {
        var out = CSVRosterParserColumns.header + lineEnd
        for (i, row) in employees.enumerated() {
            let cells = CSVRosterParserColumns.fields.map { field -> String in
                if RosterField.bundleFields.contains(field) { return i == 0 ? (employer[field] ?? "") : "" }
                return row[field] ?? ""
            }
            out += cells.map(quote).joined(separator: ",") + lineEnd
        }
        return out
    }

    static func quote(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacing("\"", with: "\"\"") + "\"" : s
    }

    public static func xml(employer: SampleData.Row, employees: [SampleData.Row], prologue: String = "") -> String {
        func e(_ s: String) -> String {
            s.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;").replacing("\"", with: "&quot;")
        }
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\(prologue)<roster xmlns=\"urn:cardbatch:roster:1\" version=\"1\">\n"
        x += "  <employer>\n    <name>\(e(employer[.employerName] ?? ""))</name>\n    <creditCode>\(e(employer[.employerCreditCode] ?? ""))</creditCode>\n  </employer>\n"
        x += "  <designatedStaff>\n    <name>\(e(employer[.staffName] ?? ""))</name>\n    <idType>\(e(employer[.staffIDType] ?? ""))</idType>\n"
        x += "    <idNumber>\(e(employer[.staffIDNumber] ?? ""))</idNumber>\n    <phone>\(e(employer[.staffPhone] ?? ""))</phone>\n  </designatedStaff>\n"
        x += "  <authorizationLetter file=\"\(e(employer[.letterFile] ?? ""))\"\(employer[.letterDate].map { " issued=\"\(e($0))\"" } ?? "")/>\n"
        x += "  <employees>\n"
        for row in employees {
            x += "    <employee>\n"
            for field in RosterField.employeeFields {
                guard let value = row[field] else { continue }
                if field.isOptional && value.isEmpty { continue }
                x += "      <\(field.xmlName)>\(e(value))</\(field.xmlName)>\n"
            }
            x += "    </employee>\n"
        }
        x += "  </employees>\n</roster>\n"
        return x
    }
}

/// The CSV template's columns, as the roster parser documents them.
enum CSVRosterParserColumns {
    static let fields: [RosterField] = RosterField.bundleFields + RosterField.employeeFields
    static let header = fields.map(\.csvColumn).joined(separator: ",")
}
