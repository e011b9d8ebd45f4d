import CardBatchCore
import CardBatchNative

/// The photos the pixel checks are calibrated on: clean portraits of every look (skin tones, hair,
/// clothing, noise and JPEG quality), which must all pass, and each kind of defect, which its rule
/// must catch.
public enum CalibrationSet {
    public struct Item: Sendable {
        public let label: String
        /// The rule that must catch it; nil for a clean photo (no photo rule may fire).
        public let expectedRule: String?
        public let jpeg: [UInt8]
    }

    /// The defects: a name, the rule that must catch it, and how to paint it.
    public static let defects: [(String, String, @Sendable (inout PortraitPainter) -> Void)] = [
        ("grey background", "photo.background-white", { $0.background = (185, 185, 190) }),
        ("blue background", "photo.background-white", { $0.background = (70, 140, 215) }),
        ("cream background", "photo.background-white", { $0.background = (246, 232, 196) }),
        ("shadow on backdrop", "photo.background-uniform", { $0.shadow = 70 }),
        ("striped backdrop", "photo.background-uniform", { $0.stripes = 45 }),
        ("dark frame", "photo.border", { $0.frameWidth = 6; $0.frameColour = (35, 35, 40) }),
        ("light grey frame", "photo.border", { $0.frameWidth = 4; $0.frameColour = (200, 200, 200) }),
        ("underexposed", "photo.exposure", { $0.offset = -150; $0.gain = 0.5 }),
        ("overexposed", "photo.exposure", { $0.offset = 110; $0.gain = 1.5 }),
        ("blurred", "photo.sharpness", { $0.blur = 6 }),
        ("heavily compressed", "photo.compression", { $0.forcedQuality = 15; $0.noise = 30 }),
        ("Adobe RGB profile", "photo.color-profile", { $0.iccProfile = "Adobe RGB (1998)" }),
    ]

    public static func build(cleanCount: Int = 36) -> [Item] {
        var items: [Item] = []
        for i in 0..<cleanCount {
            var painter = PortraitPainter(noise: [6.0, 9.0, 12.0][i % 3])
            painter.background = [(252, 252, 251), (246, 247, 248), (240, 240, 238)][i / 3 % 3]
            let pixels = painter.paint(.varied(UInt64(5_000 + i)), seed: UInt64(5_000 + i))
            items.append(Item(label: "clean \(i + 1)", expectedRule: nil, jpeg: painter.jpeg(pixels)))
        }
        for (n, (name, rule, change)) in defects.enumerated() {
            for variant in 0..<3 {
                var painter = PortraitPainter()
                change(&painter)
                let seed = UInt64(6_000 + n * 10 + variant)
                items.append(Item(label: "\(name) \(variant + 1)", expectedRule: rule,
                                  jpeg: painter.jpeg(painter.paint(.varied(seed), seed: seed), window: 0...100_000)))
            }
        }
        return items
    }

    /// One photo of the defect `index`, in the size window of a real submission.
    public static func defectPhoto(_ index: Int, seed: UInt64) -> [UInt8] {
        var painter = PortraitPainter()
        defects[index].2(&painter)
        return painter.jpeg(painter.paint(.varied(seed), seed: seed))
    }
}
