import CardBatchCore
import CardBatchNative
import Dispatch
import CardBatchSamples
import CardBatchTestSupport
import Foundation
import Testing

/// dlib's detector and 5-point model through CFaceDetect, on a real public-domain portrait
/// (samples/faces/astronaut.png) and on pictures that hold no face.
struct FaceDetectorTests {
    static let astronaut: (width: Int, height: Int, rgb: [UInt8]) = {
        let bytes = (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(CardBatchBinary.root)/samples/faces/astronaut.png")))) ?? []
        return (try? PNGImage.decodeRGB(bytes)) ?? (0, 0, [])
    }()

    @Test func findsTheOneFaceOfARealPortraitWithItsEyesAboveItsNose() throws {
        let image = Self.astronaut
        #expect(image.width == 512 && image.height == 512)
        let (count, faces) = try FaceDetector().detect(rgb: image.rgb, width: image.width, height: image.height)
        #expect(count == 1)
        let face = try #require(faces.first)
        // The head is in the upper middle of the picture (about x 170–290, y 40–190).
        #expect(face.left > 120 && face.right < 330 && face.top > 20 && face.bottom < 230, "\(face)")
        let eyes = face.landmarks.prefix(4), nose = face.landmarks[4]
        #expect(eyes.allSatisfy { $0.y < nose.y && $0.x > face.left && $0.x < face.right }, "\(face.landmarks)")
        let spread = (eyes.map(\.x).max() ?? 0) - (eyes.map(\.x).min() ?? 0)
        #expect(spread > (face.right - face.left) * 0.5, "the eye corners span most of the face's width")
    }

    @Test func findsNoFaceInABlankOrUniformPicture() throws {
        let detector = try FaceDetector()
        for value in [UInt8(0), 128, 255] {
            #expect(try detector.detect(rgb: [UInt8](repeating: value, count: 179 * 221 * 3), width: 179, height: 221).count == 0)
        }
        #expect(try detector.detect(rgb: [0, 0, 0], width: 1, height: 1).count == 0)
    }

    @Test func aModelWhoseDigestDiffersIsRefusedBeforeDlibReadsIt() throws {
        let dir = TemporaryDirectory()
        try Data("not a model".utf8).write(to: URL(fileURLWithPath: dir.file("model.dat")))
        #expect(throws: FaceDetectorError.self) { try FaceDetector(modelPath: dir.file("model.dat")) }
        #expect(throws: FaceDetectorError.self) { try FaceDetector(modelPath: dir.file("absent.dat")) }
    }

    /// The detector CFaceDetect builds in (read in milliseconds) must be byte for byte the one dlib
    /// unpacks from its headers (0.4 s); after a dlib upgrade that changes it, `cardbatch-samples
    /// frontal-detector` writes the new one.
    @Test func theBuiltInFrontalDetectorIsTheOneDlibUnpacksByteForByte() throws {
        let builtIn = try FrontalDetectorData.builtIn()
        #expect(builtIn.count > 100_000)
        #expect(builtIn == (try FrontalDetectorData.fromDlib()), "run `cardbatch-samples frontal-detector` after a dlib upgrade")
        let file = try String(contentsOfFile: "\(CardBatchBinary.root)/Sources/CFaceDetect/frontal_face_detector.inc", encoding: .utf8)
        #expect(file == FrontalDetectorData.includeFile(serialized: builtIn), "the committed include file is the command's output")
    }

    @Test func pixelsThatAreNotTheGivenSizeAreRefused() throws {
        #expect(throws: FaceDetectorError.self) { try FaceDetector().detect(rgb: [1, 2, 3], width: 2, height: 2) }
    }
}

/// One model shared by several detectors on several threads (the workers' arrangement), and the
/// twice-size search for small faces.
struct FaceModelSharingTests {
    @Test func detectorsOnSeveralThreadsOverOneModelFindTheSameFace() throws {
        let model = try FaceModel()
        let image = FaceDetectorTests.astronaut
        let reference = try FaceDetector(model: model).detect(rgb: image.rgb, width: image.width, height: image.height)
        let results = Locked<[Int: [DetectedFace]]>([:])
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            guard let detector = try? FaceDetector(model: model, maxPyramidLevels: 0),
                  let found = try? detector.detect(rgb: image.rgb, width: image.width, height: image.height) else { return }
            results.withLock { $0[worker] = found.faces }
        }
        let all = results.withLock { $0 }
        #expect(all.count == 4)
        #expect(all.values.allSatisfy { $0 == reference.faces })
    }

    @Test func aFaceSmallerThanTheWindowIsFoundOnlyWhenSearchedAtTwiceTheSize() throws {
        // The astronaut at half her size: a face of about 55 px, under dlib's 80 px window.
        let image = FaceDetectorTests.astronaut
        let w = image.width / 2, h = image.height / 2
        var small = [UInt8](repeating: 0, count: w * h * 3)
        for y in 0..<h { for x in 0..<w { for c in 0..<3 {
            var sum = 0
            for dy in 0..<2 { for dx in 0..<2 { sum += Int(image.rgb[((2 * y + dy) * image.width + 2 * x + dx) * 3 + c]) } }
            small[(y * w + x) * 3 + c] = UInt8(sum / 4)
        } } }
        let detector = try FaceDetector()
        let plain = try detector.detect(rgb: small, width: w, height: h)
        let doubled = try detector.detect(rgb: small, width: w, height: h, upsample: true)
        #expect(plain.count == 0)
        #expect(doubled.count == 1)
        let face = try #require(doubled.faces.first)
        #expect(face.left > 60 && face.right < 165 && face.top > 10 && face.bottom < 115, "coordinates are in the given image's pixels: \(face)")
    }
}

/// The fast path (dlib's HOG pyramid computed once, the turned filters only when needed, the landmark
/// model laid out flat) against plain dlib on the calibration set's real faces: the same faces, the
/// same boxes and the same landmarks, bit for bit.
struct FaceDetectorReferenceTests {
    @Test func theFastSearchFindsExactlyWhatPlainDlibFinds() throws {
        let model = try FaceModel()
        let levels = Configuration().faceChecks.pyramidLevels
        let detector = try FaceDetector(model: model, maxPyramidLevels: levels)
        let decoder = JPEGDecoder()
        var compared = 0, withFaces = 0, twoFaces = 0
        for item in FaceCalibrationSet.build(cleanCount: 6) {
            let decoded = try item.jpeg.withUnsafeBytes { try decoder.decodeRGB($0, scale: 2) }
            let rgb = try #require(decoded.rgb)
            let fast = try detector.detect(rgb: rgb, width: decoded.width, height: decoded.height)
            let plain = try FaceDetector.referenceDetect(maxPyramidLevels: levels, rgb: rgb, width: decoded.width, height: decoded.height)
            #expect(fast.count == plain.count, "\(item.label)")
            #expect(fast.faces == plain.faces, "\(item.label): \(fast.faces) against \(plain.faces)")
            compared += 1
            if fast.count > 0 { withFaces += 1 }
            if fast.count > 1 { twoFaces += 1 }
        }
        #expect(compared >= 40 && withFaces >= 30 && twoFaces >= 1, "\(compared) photos, \(withFaces) with faces, \(twoFaces) with two")
    }
}

/// The fHOG features the search computes (`exact_fhog.h`) against dlib's `extract_fhog_features`:
/// the same 31 planes, bit for bit, on real faces and on pictures made to reach every branch.
struct ExactFHOGTests {
    /// The grey level the search turns a pixel into (ITU-R BT.601, rounded), as `CFaceDetect` does.
    static func luma(_ red: UInt8, _ green: UInt8, _ blue: UInt8) -> UInt8 {
        let weighted: Int = 299 * Int(red) + 587 * Int(green) + 114 * Int(blue)
        return UInt8((weighted + 500) / 1000)
    }

    @Test func theFeaturesAreDlibsBitForBitOnTheCalibrationPhotosAtDetectionScale() throws {
        let decoder = JPEGDecoder()
        var compared = 0
        for item in FaceCalibrationSet.build(cleanCount: 6) {
            let decoded = try item.jpeg.withUnsafeBytes { try decoder.decodeRGB($0, scale: 2) }
            let rgb = try #require(decoded.rgb)
            let grey = stride(from: 0, to: rgb.count, by: 3).map { Self.luma(rgb[$0], rgb[$0 + 1], rgb[$0 + 2]) }
            let differing = try FaceDetector.fhogDifferences(grey: grey, width: decoded.width, height: decoded.height, cellSize: 8, padding: (10, 10))
            #expect(differing == 0, "\(item.label): \(differing) values differ")
            compared += 1
        }
        #expect(compared >= 40)
    }

    /// Noise (every gradient up to ±255), black-and-white speckle (ties between directions), smooth
    /// ramps, sizes that leave columns outside dlib's 8-wide loop, pictures too small for a feature,
    /// and cell sizes and paddings other than the detector's.
    @Test func theFeaturesAreDlibsBitForBitOnNoiseSpeckleRampsAndOddSizes() throws {
        var generator = SplitMix64(seed: 12)
        for picture in 0..<120 {
            let width = 1 + Int(generator.next() % 90), height = 1 + Int(generator.next() % 90)
            let grey: [UInt8] = (0..<width * height).map { index in
                switch picture % 3 {
                case 0: return UInt8(truncatingIfNeeded: generator.next())
                case 1: return generator.next() % 2 == 0 ? 0 : 255
                default: return UInt8(truncatingIfNeeded: (index / width) * 7 + (index % width) * 3 + Int(generator.next() % 9))
                }
            }
            for cellSize in [2, 3, 4, 6, 8, 9] {
                let padding = (rows: 1 + picture % 11, columns: 1 + (picture / 3) % 9)
                let differing = try FaceDetector.fhogDifferences(grey: grey, width: width, height: height, cellSize: cellSize, padding: padding)
                #expect(differing == 0, "picture \(picture) (\(width) × \(height)), cells of \(cellSize), padding \(padding): \(differing) values differ")
            }
        }
    }
}
