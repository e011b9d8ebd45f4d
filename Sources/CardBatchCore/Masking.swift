/// Masks personal data for logs and terminal lines that may be seen by others: only the last two
/// characters of a passport number, and only initials of a name, survive.
public enum Masking {
    public static func passport(_ number: String) -> String {
        let chars = Array(number)
        guard chars.count > 2 else { return String(repeating: "*", count: chars.count) }
        return String(repeating: "*", count: chars.count - 2) + String(chars.suffix(2))
    }

    public static func name(_ name: String) -> String {
        name.split(separator: " ").map { word in
            guard let first = word.first else { return "" }
            return String(first) + String(repeating: "*", count: max(0, word.count - 1))
        }.joined(separator: " ")
    }
}

extension Int {
    /// The number with thousands separators (`40,960`), as messages print byte counts.
    public var grouped: String {
        let digits = String(magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (self < 0 ? "-" : "") + out
    }
}
