/// Writes CSV cells (RFC 4180) that are safe to open in a spreadsheet.
public enum CSVCell {
    /// Characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection), plus the
    /// tab and carriage return that some spreadsheets strip before looking.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// A cell starting with a formula character is prefixed with an apostrophe, which spreadsheets
    /// show as text and never evaluate.
    public static func neutralised(_ value: String) -> String {
        guard let first = value.first, formulaStarts.contains(first) else { return value }
        return "'" + value
    }

    /// Quotes a cell when it holds a comma, quote or line break, doubling inner quotes.
    public static func quoted(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacing("\"", with: "\"\"") + "\""
    }

    public static func row(_ cells: [String]) -> String {
        cells.map { quoted(neutralised($0)) }.joined(separator: ",") + "\r\n"
    }
}
