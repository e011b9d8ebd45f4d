import CardBatchCore
import CardBatchNative
import CardBatchOutput
import CardBatchPipeline
import CardBatchSamples
import CardBatchTestSupport
import Foundation
import Testing

struct StreamedReportTests {
    /// The bundle report is written piece by piece for memory's sake; it must be byte for byte what
    /// encoding the whole document at once gives, for a partly rejected bundle and an empty one.
    @Test func theStreamedBundleReportEqualsTheWholeDocumentEncodedAtOnce() throws {
        var rows = Fixtures.employees(3)
        rows[1][.sex] = "Q"
        let dir = TemporaryDirectory()
        let path = try Fixtures.write(Fixtures.cleanBundle(rows), "bundle.zip", in: dir)
        let runs = BatchRunner.run(BundleJob.jobs(for: [path, dir.file("missing.zip")]),
                                   options: ProcessingOptions(mode: .process, outputDirectory: dir.file("out"), processingDate: Fixtures.date))
        for run in runs {
            guard case .judged(let outcome) = run else { Issue.record("not judged"); continue }
            let written = try String(contentsOfFile: outcome.outputPath + "/bundle-report.json", encoding: .utf8)
            #expect(written == PrettyJSON.encode(BundleReportDocument(outcome.result, personalData: PersonalDataNotice(retentionDays: 90, processingDate: outcome.result.processingDate))) + "\n")
        }
    }
}
