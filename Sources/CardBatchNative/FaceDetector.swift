import CFaceDetect
import Foundation

/// A face dlib found: its box, the detector's confidence, and 5 landmarks.
public struct DetectedFace: Sendable, Equatable {
    public var left: Double, top: Double, right: Double, bottom: Double
    public var confidence: Double
    /// Outer and inner corner of one eye, of the other, then the base of the nose (dlib's order),
    /// as (x, y) in pixels of the searched image.
    public var landmarks: [(x: Double, y: Double)]

    public static func == (a: DetectedFace, b: DetectedFace) -> Bool {
        (a.left, a.top, a.right, a.bottom, a.confidence) == (b.left, b.top, b.right, b.bottom, b.confidence)
            && a.landmarks.map(\.x) == b.landmarks.map(\.x) && a.landmarks.map(\.y) == b.landmarks.map(\.y)
    }
}

/// Why the face detector could not be made or used, with dlib's own message where it gave one.
public struct FaceDetectorError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
    public init(message: String) { self.message = message }
}

/// dlib's 5-point landmark model (`shape_predictor_5_face_landmarks.dat`, public domain / CC0), read
/// from a file once per process, never downloaded, and refused unless its SHA-256 is the published one.
///
/// `@unchecked Sendable` is safe: after loading, the model is only read (the flat predictor's
/// evaluation is const and keeps no state; detectors copy the frontal detector's configuration when
/// they are made and read its filter banks as const while they search), and it is freed only in `deinit`, when
/// no detector holds it any more (each `FaceDetector` keeps a strong reference).
public final class FaceModel: @unchecked Sendable {
    fileprivate let handle: OpaquePointer
    public let path: String

    /// `shape_predictor_5_face_landmarks.dat` as dlib-models publishes it (and `make deps` installs it).
    public static let sha256 = "c4b1e9804792707d3a405c2c16a80a20269e6675021f64a41d30fffafbc41888"
    public static let defaultPath = "/usr/local/share/cardbatch/models/shape_predictor_5_face_landmarks.dat"

    /// Loads the model at `path` after checking its digest.
    /// - SeeAlso: `cardbatch_face_model_load` (dlib `deserialize`)
    public init(path: String = FaceModel.defaultPath) throws(FaceDetectorError) {
        let digest: String
        do {
            digest = try SHA256.hex(fileAt: path)
        } catch {
            throw FaceDetectorError(message: "the face landmark model \(path) cannot be read (`make deps` installs it)")
        }
        guard digest == Self.sha256 else {
            throw FaceDetectorError(message: "the face landmark model \(path) is not dlib's 5-point model (SHA-256 \(digest))")
        }
        var error = [CChar](repeating: 0, count: 256)
        guard let made = cardbatch_face_model_load(path, &error, error.count) else {
            throw FaceDetectorError(message: FaceDetector.text(error))
        }
        handle = made
        self.path = path
    }

    deinit { cardbatch_face_model_destroy(handle) }
}

/// dlib's HOG frontal-face detector over a shared `FaceModel`, through `CFaceDetect`. One instance
/// belongs to one worker: dlib's detectors are not shared between threads.
public final class FaceDetector {
    private let handle: OpaquePointer
    private let model: FaceModel

    /// A detector over `model`. `maxPyramidLevels` limits the sizes of face searched for (0: every
    /// level dlib's detector has; each level is 5/6 of the one before, from faces of about 80 px).
    /// - SeeAlso: `cardbatch_face_detector_create` (dlib `scan_fhog_pyramid`, over the built-in frontal detector)
    public init(model: FaceModel, maxPyramidLevels: Int = 0) throws(FaceDetectorError) {
        var error = [CChar](repeating: 0, count: 256)
        guard let made = cardbatch_face_detector_create(model.handle, UInt(max(0, maxPyramidLevels)), &error, error.count) else {
            throw FaceDetectorError(message: Self.text(error))
        }
        handle = made
        self.model = model
    }

    /// Loads the model at `modelPath` for this detector alone.
    public convenience init(modelPath: String = FaceModel.defaultPath, maxPyramidLevels: Int = 0) throws(FaceDetectorError) {
        try self.init(model: FaceModel(path: modelPath), maxPyramidLevels: maxPyramidLevels)
    }

    deinit { cardbatch_face_detector_destroy(handle) }

    /// The error choke point: the C side's message, up to its terminating zero.
    fileprivate static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The faces in packed RGB pixels, searched once more at twice the size when none is found and
    /// the picture has at most `retryArea` pixels (so a face smaller than the detector's window of
    /// about 80 px is still found, without doubling a large picture).
    public func find(rgb pixels: [UInt8], width: Int, height: Int, retryArea: Int) throws(FaceDetectorError) -> (count: Int, faces: [DetectedFace]) {
        let found = try detect(rgb: pixels, width: width, height: height)
        guard found.count == 0, width * height <= retryArea else { return found }
        return try detect(rgb: pixels, width: width, height: height, upsample: true)
    }

    /// The same search done the plain dlib way (dlib's `object_detector` over the same filters and
    /// pyramid, and dlib's own `shape_predictor` read from `modelPath`), slow and for tests: the fast
    /// path must give exactly these faces and landmarks.
    /// - SeeAlso: `cardbatch_face_detect_reference`
    public static func referenceDetect(modelPath: String = FaceModel.defaultPath, maxPyramidLevels: Int, rgb pixels: [UInt8],
                                       width: Int, height: Int, limit: Int = 4) throws(FaceDetectorError) -> (count: Int, faces: [DetectedFace]) {
        try search(pixels, width: width, height: height, limit: limit) { rgb, faces, capacity, error, errorSize in
            cardbatch_face_detect_reference(modelPath, UInt(max(0, maxPyramidLevels)), rgb, width, height, faces, capacity, error, errorSize)
        }
    }

    /// How many of the fHOG feature values of `grey` (8-bit, `width` × `height`) differ bit for bit between
    /// dlib's `extract_fhog_features` and the exact copy the search computes them with (0 when they are
    /// the same), for the test that pins the one to the other.
    /// - SeeAlso: `cardbatch_fhog_differences`
    public static func fhogDifferences(grey: [UInt8], width: Int, height: Int, cellSize: Int, padding: (rows: Int, columns: Int)) throws(FaceDetectorError) -> Int {
        guard width > 0, height > 0, grey.count == width * height else {
            throw FaceDetectorError(message: "\(grey.count) bytes are not a \(width) × \(height) grey image")
        }
        var error = [CChar](repeating: 0, count: 256)
        let count = grey.withUnsafeBufferPointer { pixels in
            cardbatch_fhog_differences(pixels.baseAddress, width, height, Int32(cellSize), Int32(padding.rows), Int32(padding.columns), &error, error.count)
        }
        guard count >= 0 else { throw FaceDetectorError(message: text(error)) }
        return count
    }

    /// The checks and buffers both searches share: the pixels must be `width` × `height` RGB; `call`
    /// fills at most `limit` faces and returns how many it found, or -1 with its message.
    private static func search(_ pixels: [UInt8], width: Int, height: Int, limit: Int,
                               _ call: (UnsafePointer<UInt8>?, UnsafeMutablePointer<cardbatch_face>, Int, UnsafeMutablePointer<CChar>, Int) -> Int)
        throws(FaceDetectorError) -> (count: Int, faces: [DetectedFace]) {
        guard width > 0, height > 0, pixels.count == width * height * 3 else {
            throw FaceDetectorError(message: "\(pixels.count) bytes are not a \(width) × \(height) RGB image")
        }
        var found = [cardbatch_face](repeating: cardbatch_face(), count: max(1, limit))
        var error = [CChar](repeating: 0, count: 256)
        let count = pixels.withUnsafeBufferPointer { rgb in
            found.withUnsafeMutableBufferPointer { faces in
                error.withUnsafeMutableBufferPointer { message in
                    call(rgb.baseAddress, faces.baseAddress!, faces.count, message.baseAddress!, message.count)
                }
            }
        }
        guard count >= 0 else { throw FaceDetectorError(message: text(error)) }
        return (count, found.prefix(min(count, limit)).map { face in
            let marks = withUnsafeBytes(of: face.landmarks) { Array($0.bindMemory(to: Double.self)) }
            return DetectedFace(left: face.left, top: face.top, right: face.right, bottom: face.bottom, confidence: face.confidence,
                                landmarks: (0..<5).map { (x: marks[2 * $0], y: marks[2 * $0 + 1]) })
        })
    }

    /// The faces in packed RGB pixels, at most `limit` of them described (the count is exact). With
    /// `upsample`, the image is searched at twice its size, for faces smaller than the detector's window.
    /// - SeeAlso: `cardbatch_face_detect`
    public func detect(rgb pixels: [UInt8], width: Int, height: Int, upsample: Bool = false, limit: Int = 4) throws(FaceDetectorError) -> (count: Int, faces: [DetectedFace]) {
        try Self.search(pixels, width: width, height: height, limit: limit) { rgb, faces, capacity, error, errorSize in
            cardbatch_face_detect(handle, rgb, width, height, upsample ? 1 : 0, faces, capacity, error, errorSize)
        }
    }
}

/// dlib's frontal face detector in `dlib::serialize` form, as `CFaceDetect` has it built in and as
/// dlib unpacks it from its headers, for the test that pins the one to the other and for
/// `cardbatch-samples frontal-detector`, which writes the built-in copy.
public enum FrontalDetectorData {
    /// The serialized detector built into `CFaceDetect` (what every `FaceModel` reads).
    public static func builtIn() throws(FaceDetectorError) -> [UInt8] { try serialized(fromDlib: false) }

    /// dlib's own `get_frontal_face_detector()`, serialized (it takes about 0.4 s to unpack).
    public static func fromDlib() throws(FaceDetectorError) -> [UInt8] { try serialized(fromDlib: true) }

    /// `frontal_face_detector.inc`: the serialized detector as base64 in C string literals, one line
    /// of 76 characters each, under a comment saying where it comes from.
    public static func includeFile(serialized bytes: [UInt8]) -> String {
        let text = Data(bytes).base64EncodedString()
        var lines = [
            "// dlib's HOG frontal face detector (dlib/image_processing/frontal_face_detector.h, Copyright (C) 2013",
            "// Davis E. King, Boost Software License 1.0) as dlib::serialize writes it, base64-encoded: \(bytes.count) bytes.",
            "// Written by `cardbatch-samples frontal-detector` from dlib's get_frontal_face_detector(); do not edit.",
        ]
        var start = text.startIndex
        while start < text.endIndex {
            let end = text.index(start, offsetBy: 76, limitedBy: text.endIndex) ?? text.endIndex
            lines.append("\"\(text[start..<end])\"")
            start = end
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One call: dlib's unpacking takes 0.4 s, so the buffer is sized for the detector (155,005 bytes)
    /// with room to spare, and only a larger one is asked for again.
    private static func serialized(fromDlib: Bool) throws(FaceDetectorError) -> [UInt8] {
        var error = [CChar](repeating: 0, count: 256)
        var bytes = [UInt8](repeating: 0, count: 256 * 1024)
        for _ in 0..<2 {
            let capacity = bytes.count
            let size = bytes.withUnsafeMutableBufferPointer { cardbatch_face_frontal_serialized(fromDlib ? 1 : 0, $0.baseAddress, capacity, &error, error.count) }
            guard size >= 0 else { throw FaceDetectorError(message: FaceDetector.text(error)) }
            if size <= capacity { return Array(bytes.prefix(size)) }
            bytes = [UInt8](repeating: 0, count: size)
        }
        throw FaceDetectorError(message: "the frontal face detector changed size between two reads")
    }
}
