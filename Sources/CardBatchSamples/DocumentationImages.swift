import Foundation

/// The photo examples of the employer guides (`docs/images/`): one compliant portrait and one of each
/// common defect, made by the same generator as `samples/` (public-domain portraits of real people on
/// white, see samples/faces/), in the size window of a real submission. Deterministic: the same bytes
/// on every run.
public enum DocumentationImages {
    /// File name → JPEG bytes.
    public static func all() -> [String: [UInt8]] {
        func defect(_ name: String, seed: UInt64) -> [UInt8] {
            let index = CalibrationSet.defects.firstIndex { $0.0 == name }!
            return CalibrationSet.defectPhoto(index, seed: seed)
        }
        func faceDefect(_ name: String, seed: UInt64) -> [UInt8] {
            FaceCalibrationSet.defectPhoto(FaceCalibrationSet.defects.firstIndex { $0.0 == name }!, seed: seed)
        }
        return [
            "photo-good.jpg": SamplePhotos.compliant(seed: 21),
            "photo-grey-background.jpg": defect("grey background", seed: 22),
            "photo-shadow.jpg": defect("shadow on backdrop", seed: 23),
            "photo-frame.jpg": defect("dark frame", seed: 24),
            "photo-underexposed.jpg": defect("underexposed", seed: 25),
            "photo-blurred.jpg": defect("blurred", seed: 26),
            "photo-sideways.jpg": SamplePhotos.wrongDimensions(seed: 27),
            "photo-no-face.jpg": faceDefect("back of the head", seed: 28),
            "photo-small-face.jpg": faceDefect("face half the size", seed: 29),
            "photo-tilted.jpg": faceDefect("tilted 25°", seed: 30),
            "photo-white-clothing.jpg": faceDefect("white clothing", seed: 31),
        ]
    }

    public static func write(to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, bytes) in all() { try Data(bytes).write(to: URL(fileURLWithPath: directory + "/" + name)) }
    }
}
