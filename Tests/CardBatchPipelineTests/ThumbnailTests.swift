import CardBatchCore
import CardBatchNative
import CardBatchOutput
import CardBatchPipeline
import CardBatchSamples
import CardBatchTestSupport
import Foundation
import Testing

struct ThumbnailTests {
    @Test func aPhotoRejectionCarriesAThumbnailOfThatPhotoAndAMissingPhotoNone() throws {
        var rows = Fixtures.employees(3)
        rows[2][.photo] = "photos/absent.jpg"
        var b = Fixtures.cleanBundle(rows)
        b.replace(rows[1][.photo]!, with: SamplePhotos.greyscale(seed: 7))
        let dir = TemporaryDirectory()
        let path = try Fixtures.write(b, "bundle.zip", in: dir)
        let runs = BatchRunner.run(BundleJob.jobs(for: [path]),
                                   options: ProcessingOptions(mode: .process, outputDirectory: dir.file("out"), processingDate: Fixtures.date, workers: 1))
        guard case .judged(let outcome) = runs[0] else { Issue.record("not judged"); return }
        #expect(outcome.result.employees.map(\.thumbnail) == [nil, "rejected/row-00002.jpg", nil])
        let thumbnail = try [UInt8](Data(contentsOf: URL(fileURLWithPath: outcome.outputPath + "/rejected/row-00002.jpg")))
        let header = try thumbnail.withUnsafeBytes { try JPEGDecoder().validate($0) }
        #expect(header.width == 89 && header.height == 110)
        let report = try String(contentsOfFile: outcome.outputPath + "/rejected/row-00002.txt", encoding: .utf8)
        #expect(report.contains("The photo as submitted / 提交的照片: rejected/row-00002.jpg"))
        let bundleReport = try String(contentsOfFile: outcome.outputPath + "/bundle-report.json", encoding: .utf8)
        #expect(bundleReport.contains("bareheaded"))
    }
}
