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

struct AcceptedRecordsTests {
    @Test(arguments: ["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx"])
    func formulaLikeCellsAreNeutralised(_ value: String) {
        #expect(CSVCell.neutralised(value) == "'" + value)
    }

    @Test func ordinaryCellsAreLeftAloneAndSpecialOnesQuoted() {
        #expect(CSVCell.neutralised("O'BRIEN") == "O'BRIEN")
        #expect(CSVCell.row(["a,b", "say \"hi\"", "x"]) == "\"a,b\",\"say \"\"hi\"\"\",x\r\n")
    }

    @Test func recordKeysAreStablePerPassportAndDifferBetweenStates() {
        #expect(RecordKey.make(nationality: "FRA", passportNumber: "19AB12345") == RecordKey.make(nationality: "FRA", passportNumber: "19AB12345"))
        #expect(RecordKey.make(nationality: "FRA", passportNumber: "19AB12345") != RecordKey.make(nationality: "BEL", passportNumber: "19AB12345"))
        #expect(RecordKey.make(nationality: "FRA", passportNumber: "19AB12345").hasPrefix("FRA-"))
    }
}

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
            #expect(written == PrettyJSON.encode(BundleReportDocument(outcome.result)) + "\n")
        }
    }
}

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

struct PermitExtractTests {
    @Test func withAPermitsFileEveryEmployeeMustMatchAPermitForTheSamePassport() throws {
        let rows = Fixtures.employees(3)
        let dir = TemporaryDirectory()
        let bundle = try Fixtures.write(Fixtures.cleanBundle(rows), "bundle.zip", in: dir)
        var csv = "Permit_Number,Nationality,Passport_Number,Name,Expiry,Issuer\n"
        csv += "\(rows[0][.workPermitNumber]!),\(rows[0][.nationality]!),\(rows[0][.passportNumber]!),\(rows[0][.surname]!),\(rows[0][.workPermitExpiry]!),SH\n"
        csv += "\(rows[1][.workPermitNumber]!),\(rows[1][.nationality]!),ZZ0000000,\(rows[1][.surname]!),\(rows[1][.workPermitExpiry]!),SH\n"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: dir.file("permits.csv")))
        let run = try CardBatchBinary.run(["process", bundle, "--out", dir.file("out"), "--date", "2026-11-25", "--permits", dir.file("permits.csv"), "--json"])
        #expect(run.status == 1)
        let report = try String(contentsOfFile: dir.file("out/bundle/bundle-report.json"), encoding: .utf8)
        #expect(report.contains("differs from the work permit list, which gives \\\"ZZ0000000\\\""))
        #expect(report.contains("is not in the list of valid work permits (permits.csv)"))
        #expect(run.stdout.contains("\"accepted\":1"))
    }

    @Test func aPermitsFileWithoutTheRequiredColumnsIsAUsageError() throws {
        let dir = TemporaryDirectory()
        try Data("permit,passport\n1,2\n".utf8).write(to: URL(fileURLWithPath: dir.file("p.csv")))
        let run = try CardBatchBinary.run(["process", CardBatchBinary.root + "/samples/clean-csv.zip", "--out", dir.file("o"), "--permits", dir.file("p.csv")])
        #expect(run.status == 64)
        #expect(run.stderr.contains("p.csv line 1: the header lacks permit_number"))
    }
}

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
