/// A SHA-256 digest as its 32 bytes, held inline: what cardbatch keeps in memory per file or per
/// photo (the manifest, the shared-photo check) instead of its 64-character hex text.
public struct Digest256: Hashable, Sendable {
    private let words: (UInt64, UInt64, UInt64, UInt64)

    /// From 64 hexadecimal digits (either case); nil for anything else.
    public init?(hex: String) {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var count = 0
        for c in hex.utf8 {
            guard count < 64, let nibble = Self.nibble(c) else { return nil }
            switch count / 16 {
            case 0: words.0 = words.0 << 4 | nibble
            case 1: words.1 = words.1 << 4 | nibble
            case 2: words.2 = words.2 << 4 | nibble
            default: words.3 = words.3 << 4 | nibble
            }
            count += 1
        }
        guard count == 64 else { return nil }
        self.words = words
    }

    /// Lower-case hexadecimal, as every digest in cardbatch is written.
    public var hex: String {
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for word in [words.0, words.1, words.2, words.3] {
            for shift in stride(from: 60, through: 0, by: -4) {
                text.append(Self.digits[Int((word >> UInt64(shift)) & 15)])
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static let digits = Array("0123456789abcdef".utf8)

    private static func nibble(_ c: UInt8) -> UInt64? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt64(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt64(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt64(c - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    public static func == (a: Digest256, b: Digest256) -> Bool { a.words == b.words }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    /// The positions, ascending, whose digest another position shares.
    public static func repeatedPositions(_ digests: [Digest256?]) -> [Int] {
        var counts: [Digest256: Int] = [:]
        for digest in digests { if let digest { counts[digest, default: 0] += 1 } }
        return digests.indices.filter { digests[$0].map { counts[$0]! > 1 } ?? false }
    }
}

/// Ordered as their hex texts are (byte by byte), so a sorted array of digests can stand in for a
/// set of 64-character keys at 32 bytes each.
extension Digest256: Comparable {
    public static func < (a: Digest256, b: Digest256) -> Bool {
        (a.words.0, a.words.1, a.words.2, a.words.3) < (b.words.0, b.words.1, b.words.2, b.words.3)
    }
}
