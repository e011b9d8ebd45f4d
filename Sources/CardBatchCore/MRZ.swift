/// The machine-readable zone of a passport (ICAO 9303 Part 4, TD3: two lines of 44 characters).
public struct MRZ: Sendable, Equatable {
    public let documentCode: String
    public let issuingState: String
    /// Surname and given names as the MRZ writes them: `<` for spaces, fillers stripped.
    public let surname: String
    public let givenNames: String
    public let passportNumber: String
    public let nationality: String
    /// YYMMDD.
    public let dateOfBirth: String
    public let sex: String
    /// YYMMDD.
    public let expiry: String

    /// One failed check digit: which field, what the MRZ says, what it should say.
    public struct CheckDigitFailure: Sendable, Equatable {
        public let field: String
        public let found: Character
        public let expected: Character
    }

    public enum ParseError: Error, Equatable {
        case length(line: Int, count: Int)
        case characters(line: Int)
        case notAPassport
    }

    /// The ICAO 9303 check digit of `text`: weights 7, 3, 1 repeating; digits count as themselves,
    /// A–Z as 10–35, `<` as 0.
    public static func checkDigit(_ text: some StringProtocol) -> Character {
        var sum = 0
        for (i, scalar) in text.unicodeScalars.enumerated() {
            let v = scalar.value
            let value: Int
            switch v {
            case 48...57: value = Int(v - 48)
            case 65...90: value = Int(v - 55)
            default: value = 0
            }
            sum += value * [7, 3, 1][i % 3]
        }
        return Character(String(sum % 10))
    }

    let line2: [Character]

    public init(line1: String, line2: String) throws(ParseError) {
        let l1 = Array(line1), l2 = Array(line2)
        guard l1.count == 44 else { throw .length(line: 1, count: l1.count) }
        guard l2.count == 44 else { throw .length(line: 2, count: l2.count) }
        let allowed: (Character) -> Bool = { $0 == "<" || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
        guard l1.allSatisfy(allowed) else { throw .characters(line: 1) }
        guard l2.allSatisfy(allowed) else { throw .characters(line: 2) }
        guard l1[0] == "P" else { throw .notAPassport }
        func field(_ chars: ArraySlice<Character>) -> String {
            var s = String(chars)
            while s.hasSuffix("<") { s.removeLast() }
            return s
        }
        documentCode = field(l1[0..<2])
        issuingState = field(l1[2..<5])
        let names = String(l1[5..<44])
        if let separator = names.firstRange(of: "<<") {
            surname = String(names[..<separator.lowerBound])
            givenNames = field(ArraySlice(names[separator.upperBound...]))
        } else {
            surname = field(ArraySlice(names))
            givenNames = ""
        }
        passportNumber = field(l2[0..<9])
        nationality = field(l2[10..<13])
        dateOfBirth = String(l2[13..<19])
        sex = String(l2[20])
        expiry = String(l2[21..<27])
        self.line2 = l2
    }

    /// Every check digit that does not match.
    public var checkDigitFailures: [CheckDigitFailure] {
        let l = line2
        let checks: [(String, ArraySlice<Character>, Character)] = [
            ("passport number", l[0..<9], l[9]),
            ("date of birth", l[13..<19], l[19]),
            ("expiry date", l[21..<27], l[27]),
            ("personal number", l[28..<42], l[42]),
        ]
        var failures: [CheckDigitFailure] = []
        for (name, chars, found) in checks {
            // An unused personal number may be all fillers with a filler check digit.
            if name == "personal number" && found == "<" && chars.allSatisfy({ $0 == "<" }) { continue }
            let expected = MRZ.checkDigit(String(chars))
            if found != expected { failures.append(CheckDigitFailure(field: name, found: found, expected: expected)) }
        }
        let composite = String(l[0..<10]) + String(l[13..<20]) + String(l[21..<43])
        let expected = MRZ.checkDigit(composite)
        if l[43] != expected { failures.append(CheckDigitFailure(field: "composite", found: l[43], expected: expected)) }
        return failures
    }

    /// A roster name as the MRZ writes it: capitals, spaces and hyphens as `<`, apostrophes dropped.
    public static func mrzName(_ name: String) -> String {
        String(name.uppercased().compactMap { c -> Character? in
            switch c {
            case " ", "-": return "<"
            case "'", "’": return nil
            default: return c
            }
        })
    }

    /// Composes the two lines of a TD3 passport MRZ with correct check digits (samples, examples).
    /// Dates are `YYYY-MM-DD`; sex `M`, `F` or `X`.
    public static func compose(surname: String, givenNames: String, passportNumber: String, nationality: String,
                               dateOfBirth: String, sex: String, expiry: String, issuingState: String? = nil) -> (String, String) {
        func pad(_ s: String, _ n: Int) -> String { String((s + String(repeating: "<", count: n)).prefix(n)) }
        func yymmdd(_ iso: String) -> String { String(iso.dropFirst(2).filter { $0 != "-" }) }
        let state = pad(issuingState ?? nationality, 3)
        let line1 = pad("P<" + state + mrzName(surname) + "<<" + mrzName(givenNames), 44)
        let number = pad(passportNumber, 9)
        let dob = yymmdd(dateOfBirth), exp = yymmdd(expiry)
        let personal = String(repeating: "<", count: 14)
        var line2 = number + String(checkDigit(number)) + pad(nationality, 3) + dob + String(checkDigit(dob))
        line2 += (sex == "X" ? "<" : sex) + exp + String(checkDigit(exp)) + personal + "<"
        let composite = String(line2.prefix(10)) + String(Array(line2)[13..<20]) + String(Array(line2)[21..<43])
        line2 += String(checkDigit(composite))
        return (line1, line2)
    }
}
