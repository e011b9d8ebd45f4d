/// Writes CSV cells (RFC 4180) that are safe to open in a spreadsheet. Byte by byte over UTF-8: every
/// character it looks for is ASCII, and ASCII bytes never occur inside a multi-byte sequence.
public enum CSVCell {
    /// Characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection), plus the
    /// tab and carriage return that some spreadsheets strip before looking.
    static let formulaStarts: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]

    /// A cell starting with a formula character is prefixed with an apostrophe, which spreadsheets
    /// show as text and never evaluate. The first byte decides, not the first `Character`: a minus
    /// followed by a combining mark still starts a formula for a spreadsheet.
    public static func neutralised(_ value: String) -> String {
        guard let first = value.utf8.first, formulaStarts.contains(first) else { return value }
        return "'" + value
    }

    /// Quotes a cell when it holds a comma, quote or line break, doubling inner quotes.
    public static func quoted(_ value: String) -> String {
        var out: [UInt8] = []
        appendCell(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// One row: the cells neutralised, quoted where needed, joined by commas, ended by CRLF.
    public static func row(_ cells: [String]) -> String {
        String(decoding: rowBytes(cells), as: UTF8.self)
    }

    static func rowBytes(_ cells: [String]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(cells.reduce(2) { $0 + $1.utf8.count + 3 })
        for (i, value) in cells.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendCell(neutralised(value), to: &out)
        }
        out += [0x0D, 0x0A]
        return out
    }

    private static func appendCell(_ value: String, to out: inout [UInt8]) {
        let quote = UInt8(ascii: "\"")
        let needsQuotes = value.utf8.contains { $0 == UInt8(ascii: ",") || $0 == quote || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            out.append(contentsOf: value.utf8)
            return
        }
        out.append(quote)
        for byte in value.utf8 {
            out.append(byte)
            if byte == quote { out.append(quote) }
        }
        out.append(quote)
    }
}
