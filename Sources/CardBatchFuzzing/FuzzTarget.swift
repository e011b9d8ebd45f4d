import CardBatchCore
import CardBatchIntake
import CardBatchNative
import CardBatchOutput
import CardBatchPipeline
import Foundation

/// One harness per parser of outside bytes. libFuzzer drives them through `cardbatch-fuzz` (built by
/// `make fuzz`), and the regression tests run every input kept under `Tests/FuzzRegressions/` through the same
/// code, so a crasher found once stays fixed.
///
/// Each harness runs the parser as the product does, then checks what must hold whatever the bytes
/// are; a broken invariant stops the process with `preconditionFailure`, which libFuzzer reports as
/// a crash like any other.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// A whole bundle: libzip, the roster, the letter, every photo and every rule, written as a
    /// pre-check would be.
    case bundle
    case csvRoster = "csv-roster"
    case xmlRoster = "xml-roster"
    /// The authority's extract of valid work permits (`--permits`).
    case permits
    /// A photo: decode, pixel measures, EXIF, ICC profile, quantisation tables, thumbnail, photo rules.
    case photo
    /// An authorization letter: PDF (qpdf), PNG (libpng) or JPEG scan.
    case letter
    /// `cardbatch fix-photo`: an employer's JPEG or PNG decoded at full size, turned, cropped,
    /// resized, re-encoded and judged.
    case fixPhoto = "fix-photo"
    /// A `--config` file.
    case configuration

    public func run(_ bytes: [UInt8]) {
        switch self {
        case .bundle: Self.bundle(bytes)
        case .csvRoster: Self.roster(bytes, entry: "roster.csv")
        case .xmlRoster: Self.roster(bytes, entry: "roster.xml")
        case .permits: Self.permits(bytes)
        case .photo: Self.photo(bytes)
        case .letter: Self.letter(bytes)
        case .fixPhoto: Self.fixPhoto(bytes)
        case .configuration: Self.configuration(bytes)
        }
    }

    static let date = CalendarDate(year: 2026, month: 11, day: 25)!
    static let context = RuleContext(processingDate: date, bundle: "fuzz.zip", rosterEntry: "roster.csv")
    static let identifiers = Set(RuleRegistry.all.map(\.identifier))

    static func expect(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { preconditionFailure("fuzz invariant: \(message())") }
    }

    static func expectKnownRules(_ findings: [Finding]) {
        for finding in findings { expect(identifiers.contains(finding.rule), "unregistered rule \(finding.rule)") }
    }

    /// The roster parser, then every employee rule on each record it gave.
    static func roster(_ bytes: [UInt8], entry: String) {
        XMLLibrary.initialize()
        var context = context
        context.rosterEntry = entry
        let parsed = RosterParser.parse(bytes: bytes, entry: entry, context: context)
        expectKnownRules(parsed.findings)
        if entry.hasSuffix(".xml") {
            // The bundle's roster is pulled as libxml2 reads it: pulled a few bytes at a time (the
            // first pull whole, as the bundle serves libxml2's first read of 4 bytes), the same
            // bytes read the same, and the screen for declarations works across pulls.
            let pulled = XMLRosterParser.parse(entry: entry, context: context,
                                               pulling: XMLStream.pulling(bytes, atMost: { $0 == 1 ? Int.max : 1 + $0 % 13 }))
            expect(pulled.roster == parsed.roster, "a roster pulled in pieces reads differently")
            expect(pulled.findings.map(\.rule) == parsed.findings.map(\.rule), "a roster pulled in pieces is judged differently")
        }
        guard let roster = parsed.roster else {
            expect(parsed.findings.hasErrors, "no roster and no error")
            return
        }
        expect(roster.employees.count <= context.configuration.roster.maxEmployees, "more employees than the cap")
        for record in roster.employees {
            expectKnownRules(RuleRegistry.run(RuleRegistry.employeeRules, on: EmployeeSubject(record: record, photo: nil), in: context))
        }
        expectKnownRules(RuleRegistry.run(RuleRegistry.rosterRules, on: roster.employees, in: context))
    }

    /// The extract, then the permit-match rule of an employee holding its first permit's number.
    static func permits(_ bytes: [UInt8]) {
        guard let extract = try? PermitExtractFile.parse(bytes, file: "permits.csv") else { return }
        expect(extract.byNumber.values.allSatisfy { $0.line >= 2 }, "a permit read from the header line")
        guard let permit = extract.byNumber.keys.sorted().first.flatMap(extract.permit) else { return }
        var context = context
        context.permits = extract
        let record = EmployeeRecord(row: 1, line: 2, format: .csv, values: [
            .workPermitNumber: permit.permitNumber, .nationality: "FRA", .passportNumber: "X1234567", .passportExpiry: "2030-01-01",
        ])
        expectKnownRules(RuleRegistry.run(RuleRegistry.employeeRules, on: EmployeeSubject(record: record, photo: nil), in: context))
    }

    /// One inspector for the process, as one worker keeps one across photos: a failure on one photo
    /// must leave nothing behind for the next (the TurboJPEG handle bug). Behind a lock because the
    /// regression tests may run harnesses in parallel. The face checks are on, so every photo that
    /// decodes also goes through the face detector and the face measures.
    static let inspector: Locked<PhotoInspector> = {
        var configuration = Configuration()
        configuration.faceChecks.enabled = true
        return Locked(PhotoInspector(configuration: configuration))
    }()

    static func photo(_ bytes: [UInt8]) {
        let (facts, thumbnail) = inspector.withLock { ($0.inspect(entry: "photos/fuzz.jpg", bytes: bytes), $0.lastThumbnail()) }
        expect(facts.byteCount == bytes.count, "byte count")
        if let jpeg = facts.jpeg {
            expect(jpeg.width > 0 && jpeg.height > 0, "a JPEG header without a size")
        }
        expect(facts.faceStageError == nil, "the face stage could not run: \(facts.faceStageError ?? "")")
        if let face = facts.face {
            expect(face.faceCount >= 0 && face.blurRatio.isFinite && face.grain.isFinite && face.grain >= 0, "face measures out of range")
            expect((face.geometry == nil) == (face.faceCount != 1), "geometry without exactly one face")
        }
        if let thumbnail {
            let header = try? thumbnail.withUnsafeBytes { try JPEGDecoder().validate($0) }
            expect(header != nil, "a thumbnail that does not decode")
        }
        let record = EmployeeRecord(row: 1, line: 2, format: .csv, values: [.photo: "photos/fuzz.jpg", .nationality: "FRA", .passportNumber: "X1234567"])
        expectKnownRules(RuleRegistry.run(RuleRegistry.employeeRules, on: EmployeeSubject(record: record, photo: facts), in: context))
    }

    static func letter(_ bytes: [UInt8]) {
        let facts = LetterInspector.inspect(entry: "authorization.pdf", bytes: bytes)
        expect(facts.byteCount == bytes.count, "byte count")
        expect((facts.pageCount ?? 0) >= 0, "a negative page count")
    }

    /// A fixed photo has the configured size and decodes; a refusal gives a reason.
    static func fixPhoto(_ bytes: [UInt8]) {
        do {
            let fixed = try PhotoFixer.fix(bytes)
            let header = try? fixed.jpeg.withUnsafeBytes { try JPEGDecoder().validate($0) }
            expect(header?.width == 358 && header?.height == 441, "a fixed photo that is not 358 × 441")
            expectKnownRules(fixed.remaining)
        } catch {
            expect(!error.reason.en.isEmpty, "a refusal without a reason")
        }
    }

    static func configuration(_ bytes: [UInt8]) {
        do {
            let configuration = try ConfigurationFile.decode(bytes, file: "fuzz.json")
            expect(configuration.problems.isEmpty, "an accepted configuration with problems")
        } catch {
            expect(!error.problems.isEmpty, "a refusal without a problem")
        }
    }

    /// The bundle as a file (libzip reads from a path, one handle per worker), checked in precheck
    /// mode into a scratch folder that is emptied after each input. Every bundle must end judged or
    /// rejected as a whole, never lost.
    static func bundle(_ bytes: [UInt8]) {
        let scratch = Scratch.folder
        let path = scratch + "/fuzz.zip", out = scratch + "/out"
        expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)), "cannot write \(path)")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let options = ProcessingOptions(mode: .precheck, outputDirectory: out, processingDate: date, workers: 1)
        let runs = BatchRunner.run(BundleJob.jobs(for: [path]), options: options)
        expect(runs.count == 1, "a bundle lost or doubled")
        if case .judged(let outcome) = runs[0] {
            expectKnownRules(outcome.result.bundleFindings)
            for employee in outcome.result.employees { expectKnownRules(employee.findings) }
            expect(FileManager.default.fileExists(atPath: outcome.outputPath + "/bundle-report.json"), "no bundle report")
        }
    }

    /// A private folder for the bundle harness, made once per process (one input at a time: libFuzzer
    /// runs inputs in turn, and the regression tests run bundle inputs in one test).
    enum Scratch {
        static let folder: String = {
            let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
            let path = base + "/cardbatch-fuzz-\(ProcessInfo.processInfo.processIdentifier)"
            try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            return path
        }()
    }
}
