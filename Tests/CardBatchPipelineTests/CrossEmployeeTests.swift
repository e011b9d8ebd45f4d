import CardBatchCore
import CardBatchNative
import CardBatchOutput
import CardBatchPipeline
import CardBatchSamples
import CardBatchTestSupport
import Foundation
import Testing

struct CrossEmployeeTests {
    @Test func employeesSharingAPhotoAreAllRejectedAndTheirStagedPhotosRemoved() throws {
        let rows = Fixtures.employees(3)
        var b = Fixtures.cleanBundle(rows)
        b.replace(rows[2][.photo]!, with: Fixtures.photo(0))
        let dir = TemporaryDirectory()
        let path = try Fixtures.write(b, "bundle.zip", in: dir)
        let runs = BatchRunner.run(BundleJob.jobs(for: [path]),
                                   options: ProcessingOptions(mode: .process, outputDirectory: dir.file("out"), processingDate: Fixtures.date))
        guard case .judged(let outcome) = runs[0] else { Issue.record("not judged"); return }
        #expect(outcome.result.employees.map(\.isAccepted) == [false, true, false])
        #expect(outcome.result.employees[0].findings.map(\.rule) == ["photo.duplicate"])
        let photos = try FileManager.default.contentsOfDirectory(atPath: outcome.outputPath + "/accepted/photos")
        #expect(photos == [outcome.result.employees[1].recordKey + ".jpg"])
        let manifest = try String(contentsOfFile: outcome.outputPath + "/manifest.sha256", encoding: .utf8)
        #expect(!manifest.contains(outcome.result.employees[0].recordKey))
    }
}
