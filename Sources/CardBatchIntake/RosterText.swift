public import CardBatchCore
import CardBatchNative

/// Turns roster bytes into text: UTF-8 (a BOM is dropped), or GB18030/GBK when the bytes are not
/// valid UTF-8 (what Excel on Chinese Windows saves as "CSV"). UTF-16 and bytes that are valid in
/// neither encoding are refused, never guessed into mojibake.
public enum RosterText {
    public enum Decoded: Equatable {
        case text(String, encoding: String)
        case refused(reason: String)
    }

    public static func decode(_ bytes: [UInt8]) -> Decoded {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .refused(reason: "the file is UTF-16 (\"Unicode text\"); save it as \"CSV UTF-8\"")
        }
        if bytes.contains(0) {
            return .refused(reason: "the file contains NUL bytes, so it is not a text file in UTF-8 or GB18030")
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let text = String(validating: body, as: UTF8.self) {
            return .text(text, encoding: "UTF-8")
        }
        if let text = GB18030.decode(body) {
            return .text(text, encoding: "GB18030")
        }
        return .refused(reason: "the bytes are valid neither as UTF-8 nor as GB18030; save the file as \"CSV UTF-8\"")
    }
}

/// The one normalisation every roster value gets, whatever its format: surrounding white space
/// (including the ideographic space U+3000 and no-break space) removed; codes, Latin names and MRZ
/// lines written in capitals.
public enum FieldNormalizer {
    static let upperCased: Set<RosterField> = [.nationality, .passportNumber, .sex, .surname, .givenNames, .mrzLine1, .mrzLine2]

    public static func normalize(_ value: String, field: RosterField) -> String {
        let trimmed = value.trimmingWhitespace()
        return upperCased.contains(field) ? trimmed.uppercased() : trimmed
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
