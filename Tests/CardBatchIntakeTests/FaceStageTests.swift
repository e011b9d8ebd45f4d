import CardBatchCore
import CardBatchIntake
import CardBatchNative
import CardBatchTestSupport
import Testing

/// The face stage inside the photo inspector: odd pictures that decode are measured without a
/// face, never crash or hang it, and a model that cannot be loaded refuses every photo with the reason.
struct FaceStageTests {
    static var facesOn: Configuration {
        var configuration = Configuration()
        configuration.faceChecks.enabled = true
        return configuration
    }

    static func jpeg(width: Int, height: Int, _ pixel: (Int, Int) -> UInt8) throws -> [UInt8] {
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height { for x in 0..<width { for c in 0..<3 { rgb[(y * width + x) * 3 + c] = pixel(x, y) &+ UInt8(c * 7) } } }
        return try JPEGEncoder().encode(rgb, width: width, height: height, quality: 85)
    }

    @Test func oddPicturesThatDecodeHaveNoFaceAndNothingBreaks() throws {
        let inspector = PhotoInspector(configuration: Self.facesOn)
        let pictures: [(String, [UInt8])] = [
            ("all white", try Self.jpeg(width: 358, height: 441) { _, _ in 248 }),
            ("all black", try Self.jpeg(width: 358, height: 441) { _, _ in 0 }),
            ("grey ramp", try Self.jpeg(width: 358, height: 441) { x, _ in UInt8(x % 256) }),
            ("tiny", try Self.jpeg(width: 96, height: 96) { x, y in UInt8((x * y) % 256) }),
            ("one pixel wide", try Self.jpeg(width: 1, height: 900) { _, y in UInt8(y % 256) }),
            ("large", try Self.jpeg(width: 2400, height: 3000) { x, y in UInt8((x / 40 + y / 40) % 2 * 200) }),
        ]
        for (name, bytes) in pictures {
            let facts = inspector.inspect(entry: "photos/\(name).jpg", bytes: bytes)
            #expect(facts.jpeg != nil, "\(name) decodes")
            #expect(facts.faceStageError == nil)
            if let face = facts.face {
                #expect(face.faceCount == 0 && face.geometry == nil, "\(name): \(face)")
            } else {
                // Pictures too small for the pixel checks, or far over the card's size, skip the face stage.
                #expect(name == "one pixel wide" || name == "large", "\(name) was not measured")
            }
        }
    }

    @Test func aMissingModelRefusesEveryPhotoWithTheReasonInsteadOfPassingIt() throws {
        var configuration = Self.facesOn
        configuration.faceChecks.modelPath = TemporaryDirectory().file("absent.dat")
        let facts = PhotoInspector(configuration: configuration).inspect(entry: "photos/a.jpg", bytes: try Self.jpeg(width: 358, height: 441) { _, _ in 240 })
        #expect(facts.face == nil)
        #expect(facts.faceStageError?.contains("absent.dat") == true)
        var context = RuleContext.example
        context.configuration = configuration
        let subject = EmployeeSubject(record: EmployeeRecord(row: 3, format: .csv, values: [.photo: "photos/a.jpg"]), photo: facts)
        let findings = RuleRegistry.run(RuleRegistry.photoRules, on: subject, in: context).filter { $0.rule == "photo.face" }
        #expect(findings.count == 1)
        #expect(findings.first?.message.en.contains("could not run") == true)
    }

    @Test func withTheFaceChecksOffNoFaceIsSearchedFor() throws {
        var configuration = Configuration()
        configuration.faceChecks.enabled = false
        let facts = PhotoInspector(configuration: configuration).inspect(entry: "photos/a.jpg", bytes: try Self.jpeg(width: 358, height: 441) { _, _ in 240 })
        #expect(facts.measurements != nil)
        #expect(facts.face == nil && facts.faceStageError == nil)
    }
}
