public import CardBatchCore
import CardBatchIntake
import CardBatchNative
import Foundation

/// The real people the sample photos show: public-domain portraits cut out of their backgrounds
/// (`samples/faces/cutouts/`, made by `scripts/cut-portraits.py`; origins and licences in
/// `samples/faces/README.md`), with the eyes dlib finds in each and the top of the head.
public struct PortraitCutout: Sendable {
    public let name: String
    public let width: Int, height: Int
    /// Straight RGBA.
    public let rgba: [UInt8]
    /// The face dlib finds in the cut-out on white, in pixels of the cut-out.
    public let face: FoundFace
    /// The first row, over the middle of the face, visibly not white when the cut-out is on white.
    public let headTop: Double

    public var eyeMid: (x: Double, y: Double) { (face.eyeMidpoint.x, face.eyeMidpoint.y) }
    public var outerEyeSpan: Double { face.outerEyeSpan }
    /// The tilt of the eye line in the source portrait, in degrees (the painter takes it out).
    public var roll: Double { face.roll }

    /// The folder of cut-outs: `CARDBATCH_FACES`, or `samples/faces/cutouts` of this checkout.
    public static var folder: String {
        if let set = ProcessInfo.processInfo.environment["CARDBATCH_FACES"], !set.isEmpty { return set }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent("samples/faces/cutouts").path
    }

    public static let names = ["collins", "obama", "biden"]

    /// Every cut-out, loaded and located once per process. Sample generation cannot go on without
    /// them, so a missing file or model stops it with the reason.
    public static let all: [PortraitCutout] = {
        do {
            let detector = try FaceDetector()
            return try names.map { try load($0, detector: detector) }
        } catch {
            fatalError("the sample portraits cannot be prepared: \(error) (folder \(folder); `make deps` installs the face model)")
        }
    }()

    static func load(_ name: String, detector: FaceDetector) throws -> PortraitCutout {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name).png")))
        let image = try PNGImage.decodeRGBA(bytes)
        var rgb = [UInt8](repeating: 255, count: image.width * image.height * 3)
        for i in 0..<(image.width * image.height) {
            let a = Double(image.rgba[4 * i + 3]) / 255
            for c in 0..<3 { rgb[3 * i + c] = UInt8((Double(image.rgba[4 * i + c]) * a + 255 * (1 - a)).rounded()) }
        }
        let found = try detector.detect(rgb: rgb, width: image.width, height: image.height)
        guard found.count == 1, let face = found.faces.first.map(FoundFace.init) else {
            throw FaceDetectorError(message: "\(name).png: \(found.count) faces found, one expected")
        }
        // The top of the head where the face checks will find it on a white backdrop (grey hair on
        // white is faint, so this can lie below the cut-out's own outline).
        let top = FaceMeasure.headTop(onWhite: RGBImage(width: image.width, height: image.height, pixels: rgb),
                                      centre: face.eyeMidpoint.x, halfWidth: 0.3 * face.landmarkWidth, above: face.eyeMidpoint.y)
        return PortraitCutout(name: name, width: image.width, height: image.height, rgba: image.rgba, face: face, headTop: top)
    }

    /// Bilinear sample at (x, y): straight RGB and alpha (0–1); transparent outside.
    func sample(_ x: Double, _ y: Double) -> (r: Double, g: Double, b: Double, a: Double) {
        guard x >= 0, y >= 0, x < Double(width - 1), y < Double(height - 1) else { return (0, 0, 0, 0) }
        let x0 = Int(x), y0 = Int(y), fx = x - Double(x0), fy = y - Double(y0)
        return rgba.withUnsafeBufferPointer { p in
            var r = 0.0, g = 0.0, b = 0.0, a = 0.0
            @inline(__always) func add(_ i: Int, _ weight: Double) {
                let alpha = Double(p[i + 3]) / 255 * weight
                r += Double(p[i]) * alpha
                g += Double(p[i + 1]) * alpha
                b += Double(p[i + 2]) * alpha
                a += alpha
            }
            let i = 4 * (y0 * width + x0), below = 4 * width
            add(i, (1 - fx) * (1 - fy))
            add(i + 4, fx * (1 - fy))
            add(i + below, (1 - fx) * fy)
            add(i + below + 4, fx * fy)
            guard a > 0 else { return (0, 0, 0, 0) }
            return (r / a, g / a, b / a, a)
        }
    }
}
