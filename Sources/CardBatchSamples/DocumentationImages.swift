import Foundation

/// The photo examples of the employer guides (`docs/images/`): one compliant portrait and one of each
/// common defect, painted by the same generator as `samples/`, in the size window of a real
/// submission. Deterministic: the same bytes on every run.
public enum DocumentationImages {
    /// File name → JPEG bytes.
    public static func all() -> [String: [UInt8]] {
        func defect(_ name: String, seed: UInt64) -> [UInt8] {
            let index = CalibrationSet.defects.firstIndex { $0.0 == name }!
            return CalibrationSet.defectPhoto(index, seed: seed)
        }
        return [
            "photo-good.jpg": SamplePhotos.compliant(seed: 21),
            "photo-grey-background.jpg": defect("grey background", seed: 22),
            "photo-shadow.jpg": defect("shadow on backdrop", seed: 23),
            "photo-frame.jpg": defect("dark frame", seed: 24),
            "photo-underexposed.jpg": defect("underexposed", seed: 25),
            "photo-blurred.jpg": defect("blurred", seed: 26),
            "photo-sideways.jpg": SamplePhotos.wrongDimensions(seed: 27),
        ]
    }

    public static func write(to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, bytes) in all() { try Data(bytes).write(to: URL(fileURLWithPath: directory + "/" + name)) }
    }
}
