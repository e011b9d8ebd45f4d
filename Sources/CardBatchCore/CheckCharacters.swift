/// Check-character algorithms of the identity standards cardbatch verifies.
public enum CheckCharacters {
    /// ISO 7064 MOD 11-2, as GB 11643-1999 uses it for the 18th character of a resident ID number
    /// (and the new foreign permanent resident ID): weights 2^(17-i) mod 11, result `10X98765432`[sum mod 11].
    public static func mod11_2(_ first17: some StringProtocol) -> Character? {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let digits = first17.compactMap(\.wholeNumberValue)
        guard digits.count == 17, first17.count == 17 else { return nil }
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return Array("10X98765432")[sum % 11]
    }

    /// The alphabet of the Unified Social Credit Code (GB 32100-2015): digits and capitals without I, O, S, V, Z.
    public static let creditCodeAlphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    /// GB 32100-2015 check character of the first 17 characters: weights 3^i mod 31, result
    /// `31 − (sum mod 31)` (31 counts as 0), written in the code's own alphabet.
    public static func creditCode(_ first17: some StringProtocol) -> Character? {
        let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        let values = first17.compactMap { creditCodeAlphabet.firstIndex(of: $0) }
        guard values.count == 17, first17.count == 17 else { return nil }
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return creditCodeAlphabet[(31 - sum % 31) % 31]
    }
}
