import CardBatchCore
import CardBatchNative
import CardBatchOutput
import CardBatchPipeline
import CardBatchSamples
import CardBatchTestSupport
import Foundation
import Testing

/// The pipeline as a library: verdicts per employee and what gets written.
struct PipelineTests {
    /// Processes `builder` as a bundle inside `dir`, which the calling test keeps alive.
    func process(_ builder: BundleBuilder, in dir: TemporaryDirectory, mode: RunMode = .process, patch: ((String) throws -> Void)? = nil) throws -> BundleOutcome {
        let path = try Fixtures.write(builder, "bundle.zip", in: dir)
        try patch?(path)
        let options = ProcessingOptions(mode: mode, outputDirectory: dir.file("out"), processingDate: Fixtures.date)
        let runs = BatchRunner.run(BundleJob.jobs(for: [path]), options: options)
        guard case .judged(let outcome) = runs[0] else { throw CocoaError(.fileWriteUnknown) }
        return outcome
    }

    @Test func photoSizeEdgesAreJudgedOnRealFilesOfExactlyThatManyBytes() throws {
        let rows = Fixtures.employees(4)
        var b = BundleBuilder()
        b.add("roster.csv", text: RosterWriter.csv(employer: Fixtures.employer, employees: rows))
        for (row, size) in zip(rows, [40_959, 40_960, 100_000, 100_001]) { b.add(row[.photo]!, Fixtures.photo(exactly: size)) }
        b.add("authorization.pdf", DocumentWriters.pdf(text: "x"))
        let dir = TemporaryDirectory()
        let outcome = try process(b, in: dir)
        let verdicts = outcome.result.employees.map { ($0.photo?.byteCount ?? 0, $0.findings.filter { $0.severity == .error }.map(\.rule)) }
        #expect(verdicts.map(\.0) == [40_959, 40_960, 100_000, 100_001])
        #expect(verdicts.map(\.1) == [["photo.file-size"], [], [], ["photo.file-size"]])
    }

    @Test func aPartlyValidBundleAcceptsItsValidEmployeesOnly() throws {
        var rows = Fixtures.employees(3)
        rows[1][.nationality] = "XYZ"
        let dir = TemporaryDirectory()
        let outcome = try process(Fixtures.cleanBundle(rows), in: dir)
        #expect(outcome.result.status == .partiallyAccepted)
        #expect(outcome.result.accepted.map(\.record.row) == [1, 3])
        let csv = try String(contentsOfFile: outcome.outputPath + "/accepted/records.csv", encoding: .utf8)
        #expect(!csv.contains(rows[1][.passportNumber]!))
        #expect(try FileManager.default.contentsOfDirectory(atPath: outcome.outputPath + "/accepted/photos").count == 2)
        let report = try String(contentsOfFile: outcome.outputPath + "/rejected/row-00002.json", encoding: .utf8)
        #expect(report.contains(rows[1][.passportNumber]!))
        #expect(report.contains("\"employee.nationality\""))
    }

    @Test func aDamagedPhotoEntryRejectsTheWholeBundleAndAcceptsNobody() throws {
        let rows = Fixtures.employees(2)
        var b = BundleBuilder()
        b.add("roster.csv", text: RosterWriter.csv(employer: Fixtures.employer, employees: rows))
        b.add(rows[0][.photo]!, Fixtures.photo(0), store: true)
        b.add(rows[1][.photo]!, Fixtures.photo(1), store: true)
        b.add("authorization.pdf", DocumentWriters.pdf(text: "x"))
        let dir = TemporaryDirectory()
        let outcome = try process(b, in: dir, patch: { path in
            var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            let photo = Fixtures.photo(1)
            let at = bytes.firstRange(of: Array(photo[2_000..<2_016]))!.lowerBound
            bytes[at] ^= 0xFF
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        })
        #expect(outcome.result.status == .bundleRejected)
        #expect(outcome.result.bundleFindings.map(\.rule) == ["zip.entry-corrupt"])
        #expect(!FileManager.default.fileExists(atPath: outcome.outputPath + "/accepted"))
    }

    /// The bundle of the mutation campaign's crashes: one photo cut before its first scan, in the
    /// middle of a clean bundle, with one worker so the same decoder reads the photos after it.
    @Test func aPhotoCutBeforeItsScanRejectsOnlyItsEmployeeAndTheOthersAreJudgedNormally() throws {
        let rows = Fixtures.employees(5)
        var b = Fixtures.cleanBundle(rows)
        b.replace(rows[1][.photo]!, with: SamplePhotos.cutBeforeScan(seed: 11))
        let path = try Fixtures.write(b, "bundle.zip", in: dir)
        let options = ProcessingOptions(mode: .process, outputDirectory: dir.file("out"), processingDate: Fixtures.date, workers: 1)
        guard case .judged(let outcome) = BatchRunner.run(BundleJob.jobs(for: [path]), options: options)[0] else {
            Issue.record("bundle not judged"); return
        }
        #expect(outcome.result.status == .partiallyAccepted)
        #expect(outcome.result.accepted.map(\.record.row) == [1, 3, 4, 5])
        let rejected = outcome.result.employees.first { $0.record.row == 2 }
        // 683 bytes is also below the size window; the format finding carries the decoder's reason.
        #expect(rejected?.findings.filter { $0.severity == .error }.map(\.rule) == ["photo.file-size", "photo.format"])
        let format = rejected?.findings.first { $0.rule == "photo.format" }
        #expect(format?.value?.contains("SOS") == true, "\(format?.value ?? "")")
    }
    private let dir = TemporaryDirectory()

    @Test func precheckWritesReportsButNoAcceptedRecords() throws {
        let dir = TemporaryDirectory()
        let outcome = try process(Fixtures.cleanBundle(Fixtures.employees(2)), in: dir, mode: .precheck)
        #expect(outcome.result.status == .accepted)
        #expect(FileManager.default.fileExists(atPath: outcome.outputPath + "/bundle-report.json"))
        #expect(!FileManager.default.fileExists(atPath: outcome.outputPath + "/accepted"))
    }

    @Test func twoBundlesWithTheSameFileNameGetDistinctOutputFolders() {
        #expect(BundleJob.jobs(for: ["a/x.zip", "b/x.zip", "c/X.ZIP"]).map(\.outputName) == ["x", "x-2", "X-3"])
    }

    @Test func theRecordsSchemaIsTheOnePublishedInSamples() throws {
        let published = try String(contentsOfFile: CardBatchBinary.root + "/samples/schemas/records.xsd", encoding: .utf8)
        #expect(published == RecordsSchema.xsd)
    }
}
