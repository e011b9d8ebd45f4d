public import CardBatchCore
import CardBatchNative

/// Gathers a photo's facts from its bytes: what the bytes are, what the JPEG decoder reads, the SHA-256.
/// One inspector belongs to one worker (it owns a TurboJPEG handle).
public final class PhotoInspector {
    private let decoder = JPEGDecoder()
    private let encoder = JPEGEncoder()
    /// This worker's face detector over the process's shared model; nil when the face checks are off
    /// or the model could not be loaded (then `faceStageError` says why).
    private let faces: FaceDetector?
    private let faceStageError: String?
    /// The quarter-size image of the photo inspected last (nil when it did not decode in colour), for
    /// a thumbnail. One per worker; replaced at every photo, so memory stays at one small image.
    public private(set) var lastQuarterImage: RGBImage?

    /// The largest half-size decode (pixels a side) the face stage searches: photos up to 1,440 px.
    static let maxFaceSearchSide = 720

    public init(configuration: Configuration = Configuration()) {
        let checks = configuration.faceChecks
        guard checks.enabled else {
            faces = nil
            faceStageError = nil
            return
        }
        do {
            faces = try FaceDetector(model: FaceStage.model(path: checks.modelPath), maxPyramidLevels: checks.pyramidLevels)
            faceStageError = nil
        } catch {
            faces = nil
            faceStageError = error.message
        }
    }

    /// A small JPEG of the photo inspected last (90 × 111), for a rejection report; nil when it had
    /// no colour pixels.
    public func lastThumbnail() -> [UInt8]? {
        guard let image = lastQuarterImage else { return nil }
        return try? encoder.encode(image.pixels, width: image.width, height: image.height, quality: 80)
    }

    /// The facts of `bytes`; `sha256` is their digest when the caller already has it (computed
    /// while the bytes were inflated), so they are not hashed twice.
    public func inspect(entry: String, bytes: [UInt8], sha256: String? = nil) -> PhotoFacts {
        let signature = FileSignature(prefix: bytes)
        var facts = PhotoFacts(entry: entry, byteCount: bytes.count, signature: signature, jpeg: nil, sha256: sha256 ?? SHA256.hex(bytes))
        lastQuarterImage = nil
        guard signature == .jpeg else { return facts }
        do {
            // Half size: every scan is still entropy-decoded, so damage is caught; the pixel checks then
            // run on 2 × 2 averages (a quarter of the size), where noise and grain average away.
            let decoded = try bytes.withUnsafeBytes { try decoder.decodeRGB($0, scale: 2) }
            let header = decoded.header
            facts.jpeg = JPEGFacts(width: header.width, height: header.height, components: header.components, colorspace: header.colorspace)
            if let rgb = decoded.rgb, decoded.width >= 40, decoded.height >= 40 {
                let half = RGBImage(width: decoded.width, height: decoded.height, pixels: rgb)
                (facts.face, facts.faceStageError) = measureFace(half, fullWidth: header.width, fullHeight: header.height)
                let quarter: RGBImage
                (quarter, facts.measurements) = Self.measurePixels(half, face: facts.face, fullWidth: header.width, fullHeight: header.height)
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

    /// The face stage on the half-size decode the pixel checks already have. A face smaller than the
    /// detector's window (about 80 px there) is looked for again at twice the size, so a face too
    /// small for the photo is measured (and refused for its size), not reported missing. Photos far
    /// over the card's size are not searched (photo.dimensions refuses them; a 100 KB JPEG can declare
    /// thousands of pixels a side, and the search grows with the area).
    /// A failed search is reported (and refuses the photo through `photo.face`), never passed as no finding.
    public func measureFace(_ half: RGBImage, fullWidth: Int, fullHeight: Int) -> (FaceMeasurements?, String?) {
        guard let faces else { return (nil, faceStageError) }
        guard half.width <= Self.maxFaceSearchSide, half.height <= Self.maxFaceSearchSide else { return (nil, nil) }
        do {
            let found = try faces.find(rgb: half.pixels, width: half.width, height: half.height, retryArea: 400 * 400)
            return (FaceMeasure.measure(half, scale: Double(fullWidth) / Double(half.width), faces: found.faces.map(FoundFace.init), count: found.count,
                                        fullWidth: fullWidth, fullHeight: fullHeight), nil)
        } catch {
            return (nil, "the face search failed: \(error.message)")
        }
    }

    /// The pixel checks: the half-size decode halved again (2 × 2 averages), measured with the person
    /// the face stage found left out of the backdrop's bands. Returns the quarter image too (for a
    /// thumbnail).
    public static func measurePixels(_ half: RGBImage, face: FaceMeasurements?, fullWidth: Int, fullHeight: Int) -> (RGBImage, PhotoMeasurements) {
        let quarter = half.halved()
        let person = face?.geometry.map { PersonOutline($0, fullHeight: fullHeight, scale: Double(fullWidth) / Double(quarter.width)) }
        return (quarter, PhotoMeasure.measure(quarter, person: person))
    }
}
