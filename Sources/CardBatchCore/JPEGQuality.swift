/// Estimates the IJG quality (1–100) a JPEG was saved at, from its luminance quantisation table.
public enum JPEGQuality {
    /// The IJG standard luminance table (ITU-T T.81 Annex K), natural order: quality 50.
    static let standard = [
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
        14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
    ]

    /// The encoder scaled the standard table by `s` percent (s = 5000/q below 50, 200 − 2q above);
    /// the mean ratio of the actual steps to the standard ones recovers s, and so q.
    public static func estimate(lumaTable table: [Int]) -> Int? {
        guard table.count == 64 else { return nil }
        let scale = 100.0 * Double(table.reduce(0, +)) / Double(standard.reduce(0, +))
        let quality = scale <= 100 ? (200 - scale) / 2 : 5000 / scale
        return max(1, min(100, Int(quality.rounded())))
    }
}
