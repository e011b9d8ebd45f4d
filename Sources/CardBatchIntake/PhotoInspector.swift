public import CardBatchCore
import CardBatchNative

/// Gathers a photo's facts from its bytes: what the bytes are, what the JPEG decoder reads, the SHA-256.
/// One inspector belongs to one worker (it owns a TurboJPEG handle).
public final class PhotoInspector {
    private let decoder = JPEGDecoder()
    private let encoder = JPEGEncoder()
    /// The quarter-size image of the photo inspected last (nil when it did not decode in colour), for
    /// a thumbnail. One per worker; replaced at every photo, so memory stays at one small image.
    public private(set) var lastQuarterImage: RGBImage?

    public init() {}

    /// A small JPEG of the photo inspected last (90 × 111), for a rejection report; nil when it had
    /// no colour pixels.
    public func lastThumbnail() -> [UInt8]? {
        guard let image = lastQuarterImage else { return nil }
        return try? encoder.encode(image.pixels, width: image.width, height: image.height, quality: 80)
    }

    public func inspect(entry: String, bytes: [UInt8]) -> PhotoFacts {
        let signature = FileSignature(prefix: bytes)
        var facts = PhotoFacts(entry: entry, byteCount: bytes.count, signature: signature, jpeg: nil, sha256: SHA256.hex(bytes))
        lastQuarterImage = nil
        guard signature == .jpeg else { return facts }
        do {
            // Half size: every scan is still entropy-decoded, so damage is caught; the pixel checks then
            // run on 2 × 2 averages (a quarter of the size), where noise and grain average away.
            let decoded = try bytes.withUnsafeBytes { try decoder.decodeRGB($0, scale: 2) }
            let header = decoded.header
            facts.jpeg = JPEGFacts(width: header.width, height: header.height, components: header.components, colorspace: header.colorspace)
            if let rgb = decoded.rgb, decoded.width >= 40, decoded.height >= 40 {
                let quarter = RGBImage(width: decoded.width, height: decoded.height, pixels: rgb).halved()
                facts.measurements = PhotoMeasure.measure(quarter)
                lastQuarterImage = quarter
            }
        } catch {
            facts.decodeError = String(describing: error)
        }
        if let info = JPEGInfo.read(bytes) {
            facts.jpegQuality = info.lumaTable.flatMap(JPEGQuality.estimate(lumaTable:))
            facts.iccDescription = info.iccDescription
        }
        if let exif = EXIF.read(bytes) {
            facts.exifOrientation = exif.orientation
            facts.exifDateTaken = exif.dateTimeOriginal
        }
        return facts
    }
}
