public import CardBatchCore

/// The photos the face checks are calibrated on: real people (`PortraitCutout`) on white backdrops,
/// varied per seed (person, mirror image, face size, position, slight tilt, noise), which must all
/// pass the face rules, and each kind of face defect, which its own rule must catch.
public enum FaceCalibrationSet {
    /// The face rules: what this set calibrates.
    public static let rules: Set<String> = ["photo.face", "photo.face-geometry", "photo.pose", "photo.sharpness", "photo.grain", "photo.clothing"]

    /// The defects: a name, the rule that must catch it, and how to paint it.
    public static let defects: [(String, String, @Sendable (inout PortraitPainter) -> Void)] = [
        ("back of the head", "photo.face", { $0.backOfHead = true }),
        ("two people", "photo.face", { $0.secondPerson = true }),
        ("face half the size", "photo.face-geometry", { $0.faceScale = 0.5 }),
        ("face too large", "photo.face-geometry", { $0.fixedFaceWidth = 300 }),
        ("pushed to the edge", "photo.face-geometry", { $0.moveX = 60 }),
        ("head cut off at the top", "photo.face-geometry", { $0.moveY = -30 }),
        ("tilted 25°", "photo.pose", { $0.extraRoll = 25 }),
        ("blurred σ 2.5", "photo.sharpness", { $0.gaussianBlur = 2.5 }),
        ("blurred σ 2.5 + grain σ 20", "photo.sharpness", { $0.gaussianBlur = 2.5; $0.grain = 20 }),
        ("blurred σ 4 + grain σ 20", "photo.sharpness", { $0.gaussianBlur = 4; $0.grain = 20 }),
        ("sharp + grain σ 20", "photo.grain", { $0.grain = 20 }),
        // A little smaller than the controls' faces, so the shoulders are in the picture.
        ("white clothing", "photo.clothing", { $0.whiteClothing = true; $0.faceScale = 0.88; $0.moveY = -8 }),
    ]

    public static func build(cleanCount: Int = 36) -> [CalibrationSet.Item] {
        var items: [CalibrationSet.Item] = []
        for i in 0..<cleanCount {
            var painter = PortraitPainter(noise: [6.0, 9.0, 12.0][i % 3])
            painter.background = [(252, 252, 251), (246, 247, 248), (240, 240, 238)][i / 3 % 3]
            let seed = UInt64(7_000 + i)
            items.append(CalibrationSet.Item(label: "clean \(i + 1)", expectedRule: nil, jpeg: painter.jpeg(painter.paint(.varied(seed), seed: seed))))
        }
        for (n, (name, rule, change)) in defects.enumerated() {
            for variant in 0..<3 {
                var painter = PortraitPainter()
                change(&painter)
                let seed = UInt64(8_000 + n * 10 + variant)
                items.append(CalibrationSet.Item(label: "\(name) \(variant + 1)", expectedRule: rule,
                                                 jpeg: painter.jpeg(painter.paint(.varied(seed), seed: seed), window: 0...100_000)))
            }
        }
        return items
    }

    /// One photo of the face defect `index`, in the size window and with the EXIF date of a real submission.
    public static func defectPhoto(_ index: Int, seed: UInt64) -> [UInt8] {
        var painter = PortraitPainter()
        defects[index].2(&painter)
        return SamplePhotos.withDate(painter.jpeg(painter.paint(.varied(seed), seed: seed)), day: Int(seed % 28) + 1)
    }

    /// The configuration the set is judged under: the defaults with the face checks on.
    public static var configuration: Configuration {
        var configuration = Configuration()
        configuration.faceChecks.enabled = true
        return configuration
    }
}
