import CardBatchCore
import CardBatchNative
import CardBatchOutput
import CardBatchSamples
import CardBatchTestSupport
import Foundation
import Testing

/// The binary's side of strict configuration: exit 78 (EX_CONFIG) before anything is processed.
struct ConfigurationExitTests {
    @Test func aMisspeltKeyStopsProcessWithExit78AndASuggestionBeforeAnythingIsWritten() throws {
        let dir = TemporaryDirectory()
        try Data(#"{"photoChecks": {"minBackgroundLightnes": 99}}"#.utf8).write(to: URL(fileURLWithPath: dir.file("c.json")))
        let run = try CardBatchBinary.run(["process", "\(CardBatchBinary.root)/samples/clean-csv.zip", "--out", dir.file("out"),
                                           "--no-ledger", "--config", dir.file("c.json")])
        #expect(run.status == 78)
        #expect(run.stderr.contains("c.json: photoChecks.minBackgroundLightnes is not a configuration key; did you mean photoChecks.minBackgroundLightness?"))
        #expect(!FileManager.default.fileExists(atPath: dir.file("out")))
    }

    @Test func aFaceModelThatCannotBeLoadedStopsEveryRunWithExit78BeforeAnythingIsWritten() throws {
        let dir = TemporaryDirectory()
        try Data("not dlib's model".utf8).write(to: URL(fileURLWithPath: dir.file("model.dat")))
        try Data(#"{"faceChecks": {"modelPath": "\#(dir.file("model.dat"))"}}"#.utf8).write(to: URL(fileURLWithPath: dir.file("c.json")))
        for command in [["process", "--no-ledger", "--out", dir.file("out")], ["precheck", "--report", dir.file("out")]] {
            let run = try CardBatchBinary.run(command + ["\(CardBatchBinary.root)/samples/clean-csv.zip", "--config", dir.file("c.json")])
            #expect(run.status == 78, "\(command[0])")
            #expect(run.stderr.contains("faceChecks.modelPath: the face landmark model \(dir.file("model.dat")) is not dlib's 5-point model"), "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.file("out")))
        }
        // With the face checks off, the model is not needed.
        try Data(#"{"faceChecks": {"enabled": false, "modelPath": "/absent.dat"}}"#.utf8).write(to: URL(fileURLWithPath: dir.file("off.json")))
        let off = try CardBatchBinary.run(["process", "--no-ledger", "--out", dir.file("out"), "\(CardBatchBinary.root)/samples/clean-csv.zip", "--config", dir.file("off.json")])
        #expect(off.status == 0, "\(off.stderr)")
    }

    @Test func configCheckSaysValidOrListsEveryProblemWithExit78() throws {
        let dir = TemporaryDirectory()
        try Data(#"{"photo": {"minBytes": 200000}, "letter": {"maxAgeMonth": 3}}"#.utf8).write(to: URL(fileURLWithPath: dir.file("bad.json")))
        try Data(#"{"letter": {"maxAgeMonths": 3}}"#.utf8).write(to: URL(fileURLWithPath: dir.file("good.json")))
        let bad = try CardBatchBinary.run(["config", "--check", dir.file("bad.json")])
        #expect(bad.status == 78)
        #expect(bad.stderr.contains("letter.maxAgeMonth is not a configuration key; did you mean letter.maxAgeMonths?"))
        let good = try CardBatchBinary.run(["config", "--check", dir.file("good.json")])
        #expect(good.status == 0 && good.stdout == "\(dir.file("good.json")): valid\n")
        let impossible = try CardBatchBinary.run(["config", "--check", dir.file("missing.json")])
        #expect(impossible.status == 78 && impossible.stderr.contains("missing.json cannot be read"))
    }

    @Test func impossibleLimitsAreRefusedWithExit78() throws {
        let dir = TemporaryDirectory()
        try Data(#"{"photo": {"minBytes": 200000}}"#.utf8).write(to: URL(fileURLWithPath: dir.file("c.json")))
        let run = try CardBatchBinary.run(["config", "--config", dir.file("c.json")])
        #expect(run.status == 78)
        #expect(run.stderr.contains("photo.minBytes (200000) is greater than photo.maxBytes (100000)"))
    }
}
