public import CardBatchCore
import CardBatchNative

/// Turns roster bytes into text: UTF-8 (a BOM is dropped), or GB18030/GBK when the bytes are not
/// valid UTF-8 (what Excel on Chinese Windows saves as "CSV"). UTF-16 and bytes that are valid in
/// neither encoding are refused, never guessed into mojibake.
public enum RosterText {
    public enum Decoded: Equatable {
        case text(Body, encoding: String)
        case refused(reason: String)
    }

    /// A roster's text. UTF-8 is read where it lies, in the bytes inflated from the bundle (a
    /// 100,000-employee roster is some 16 MB, which a decoded copy would double); GB18030 is decoded.
    /// Two bodies are equal when their texts are.
    public enum Body: Equatable, ExpressibleByStringLiteral, Sendable {
        /// Valid UTF-8 from `start` on (after a byte order mark).
        case utf8([UInt8], start: Int)
        case string(String)

        public init(stringLiteral value: String) { self = .string(value) }

        /// The text's scalars, in order.
        public var scalars: Scalars { Scalars(body: self) }

        public static func == (a: Body, b: Body) -> Bool { a.scalars.elementsEqual(b.scalars) }
    }

    /// The scalars of a `Body`: UTF-8 is decoded as it is read (ASCII byte by byte, other sequences
    /// by the standard library's decoder).
    public struct Scalars: Sequence {
        let body: Body

        public struct Iterator: IteratorProtocol {
            private let bytes: [UInt8]
            private var position: Int
            private var string: String.UnicodeScalarView.Iterator?
            /// Set when the bytes stopped being valid UTF-8 (the iteration ends there).
            private(set) var failed = false

            init(_ body: Body) {
                switch body {
                case .utf8(let bytes, let start): (self.bytes, position, string) = (bytes, start, nil)
                case .string(let text): (bytes, position, string) = ([], 0, text.unicodeScalars.makeIterator())
                }
            }

            public mutating func next() -> Unicode.Scalar? {
                if string != nil { return string!.next() }
                guard !failed, position < bytes.count else { return nil }
                let lead = bytes[position]
                if lead < 0x80 {
                    position += 1
                    return Unicode.Scalar(lead)
                }
                var sequence = bytes[position..<Swift.min(position + 4, bytes.count)].makeIterator()
                var decoder = Unicode.UTF8()
                guard case .scalarValue(let scalar) = decoder.decode(&sequence) else {
                    failed = true
                    return nil
                }
                position += scalar.utf8.count
                return scalar
            }
        }

        public func makeIterator() -> Iterator { Iterator(body) }
    }

    public static func decode(_ bytes: [UInt8]) -> Decoded {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .refused(reason: "the file is UTF-16 (\"Unicode text\"); save it as \"CSV UTF-8\"")
        }
        if bytes.contains(0) {
            return .refused(reason: "the file contains NUL bytes, so it is not a text file in UTF-8 or GB18030")
        }
        let utf8 = Body.utf8(bytes, start: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
        var scalars = utf8.scalars.makeIterator()
        while scalars.next() != nil {}
        if !scalars.failed {
            return .text(utf8, encoding: "UTF-8")
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let text = GB18030.decode(body) {
            return .text(.string(text), encoding: "GB18030")
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
