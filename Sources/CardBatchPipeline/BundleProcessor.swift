import CardBatchCore
import CardBatchIntake
import CardBatchNative
public import CardBatchOutput
import CSystemShims
import Dispatch
import Foundation

/// What processing one bundle produced.
public struct BundleOutcome: Sendable {
    public var result: BundleResult
    /// The bundle's published output folder.
    public var outputPath: String
    /// SHA-256 of the `manifest.sha256` this run published; nil when it published nothing (a resubmission).
    public var manifestSHA256: String? = nil
    public var summary: BundleSummary { BundleSummary(result, output: outputPath) }
}

/// Judges one bundle: the bundle-level stage, then every employee concurrently (workers stage accepted
/// photos and thumbnails as they go, so no photo is held), then hands the result to `BundlePublisher`.
public enum BundleProcessor {
    public static func run(_ job: BundleJob, options: ProcessingOptions) throws(OutputError) -> BundleOutcome {
        let name = (job.path as NSString).lastPathComponent
        let size = ((try? FileManager.default.attributesOfItem(atPath: job.path))?[.size] as? Int) ?? 0
        // The bundle's SHA-256 is computed on another thread while the single-threaded intake runs.
        let digest = Locked<String>("")
        let hashing = DispatchGroup()
        DispatchQueue.global().async(group: hashing) {
            let hex = (try? SHA256.hex(fileAt: job.path)) ?? ""
            digest.withLock { $0 = hex }
        }
        var sha: String {
            hashing.wait()
            return digest.withLock { $0 }
        }

        /// A bundle refused as a whole: when its roster was read, every employee is listed as rejected
        /// with a finding that points at the bundle-level reason.
        func rejectedResult(_ findings: [Finding], _ format: RosterFormat?, _ roster: Roster?) -> BundleResult {
            let employees = (roster?.employees ?? []).map { record in
                let context = RuleContext(processingDate: options.processingDate, configuration: options.configuration,
                                          bundle: name, rosterEntry: roster?.entry ?? "")
                return EmployeeResult(
                    record: record, recordKey: RecordKey.make(nationality: record[.nationality], passportNumber: record[.passportNumber]),
                    photo: nil, findings: RuleRegistry.run(RuleRegistry.bundleRejectionRules, on: (record, findings), in: context))
            }
            return BundleResult(bundleFile: name, sha256: sha, byteCount: size, processingDate: options.processingDate,
                                rosterFormat: format, header: roster?.header, bundleFindings: findings, employees: employees)
        }

        // The roster's records go to a spill file in the output folder, not memory (see `RosterSpill`).
        try DurableFiles.makeDirectories(options.outputDirectory, mode: mode_t(options.configuration.output.directoryModeBits ?? 0o700))
        let spill: RosterSpill
        do {
            spill = try RosterSpill(folder: options.outputDirectory, mode: UInt32(options.configuration.output.fileModeBits ?? 0o600))
        } catch {
            throw OutputError(path: options.outputDirectory, operation: "keep the roster of \(name) in", message: error.message)
        }
        var intake: IntakeResult? = BundleIntake.open(path: job.path, name: name, processingDate: options.processingDate,
                                                      configuration: options.configuration, permits: options.permits, recordStorage: spill)
        if let failure = spill.failure {
            throw OutputError(path: spill.path, operation: "keep the roster of \(name) in", message: failure)
        }
        // Bytes the ledger already knows are named without judging them again, when the digest is
        // ready by the end of the intake. A large bundle's digest takes longer (about 1 s a GB) and
        // is not waited for: its employees are judged meanwhile, and the ledger's reservation at
        // publishing recognises a resubmission all the same (and discards the staged work).
        let hashed = digest.withLock { $0 }
        if options.mode == .process, let ledger = options.ledger, !hashed.isEmpty {
            do {
                if let earlier = try ledger.recordedBundle(sha256: hashed) { return resubmission(of: earlier, name: name, sha: hashed, size: size, options: options) }
            } catch {
                throw OutputError(path: name, operation: "read the ledger for", message: String(describing: error))
            }
        }
        switch intake.take()! {
        case .rejected(let findings, let format, let roster):
            return try BundlePublisher.publish(rejectedResult(findings, format, roster), job: job, options: options, staged: nil, rosterEntry: roster?.entry)
        case .ready(let prepared):
            // The intake's passing memory (the central directory's names, the roster's bytes and
            // text) is given back before the workers start: they allocate in arenas of their own, so
            // the pages it freed in the middle of the main heap would otherwise stay resident
            // throughout (some 25 MB at 100,000 employees).
            cardbatch_release_free_memory()
            let (format, header, entry, intakeFindings) = (prepared.roster.format, prepared.roster.header, prepared.roster.entry, prepared.findings)
            let staged = try StagedFolder(parent: options.outputDirectory, name: job.outputName, settings: options.configuration.output)
            do throws(OutputError) {
                let (employees, photoStageFindings) = try checkEmployees(prepared, options: options, staged: staged)
                // Every employee's record is in the results spill now: the roster (its spill file and
                // 16 bytes an employee) goes before the reports are written.
                _ = consume prepared
                if photoStageFindings.hasErrors {
                    // A photo entry failed to inflate: the archive is damaged or hostile, so the bundle
                    // is refused as a whole and nothing of it is accepted.
                    staged.discard()
                    let roster = Roster(format: format, entry: entry, header: header, employees: EmployeeRecords(employees.map(\.record)))
                    return try BundlePublisher.publish(rejectedResult(intakeFindings + photoStageFindings, format, roster), job: job, options: options,
                                                       staged: nil, rosterEntry: entry)
                }
                let result = BundleResult(bundleFile: name, sha256: sha, byteCount: size, processingDate: options.processingDate,
                                          rosterFormat: format, header: header, bundleFindings: intakeFindings + photoStageFindings, results: employees)
                return try BundlePublisher.publish(result, job: job, options: options, staged: staged, rosterEntry: entry)
            } catch {
                staged.discard()
                throw error
            }
        }
    }

    /// The outcome of bytes the ledger already knows: nothing is written, the earlier run is named.
    static func resubmission(of earlier: LedgerBundle, name: String, sha: String, size: Int, options: ProcessingOptions) -> BundleOutcome {
        var result = BundleResult(bundleFile: name, sha256: sha, byteCount: size, processingDate: options.processingDate,
                                  rosterFormat: nil, header: nil, bundleFindings: [], employees: [])
        result.resubmissionOf = earlier
        return BundleOutcome(result: result, outputPath: earlier.output)
    }

    /// Checks every employee, `options.workers` at a time. The workers share the bundle's libzip handle
    /// (it gives each photo's compressed bytes), each with its own inflater and TurboJPEG decoder, and
    /// each takes the next employee not yet taken; each result goes into the bundle's results
    /// spill under its row, so the outcome never depends on scheduling and memory does not grow with
    /// the roster. Accepted photos are written as they are checked, never held.
    static func checkEmployees(_ bundle: PreparedBundle, options: ProcessingOptions, staged: StagedFolder) throws(OutputError) -> (EmployeeResults, [Finding]) {
        let records = bundle.roster.employees
        let context = bundle.context
        // Duplicates are judged over all rows first, so a worker knows a row's whole verdict at once.
        let rosterFindings = Dictionary(grouping: RuleRegistry.run(RuleRegistry.rosterRules, on: records, in: context)) { $0.location.row ?? 0 }
        try staged.prepareResultFolders(acceptsPhotos: options.mode == .process, keepsThumbnails: options.mode == .precheck)
        options.progress?.bundleStarted(employees: records.count)
        let workers = min(options.workers, max(records.count, 1))
        let results = EmployeeResultsBuilder(count: records.count, spill: try staged.makeResultSpill())
        // Each row's photo digest, for the photos shared across rows (judged once every photo is read).
        let photoDigests = Locked<[Digest256?]>(Array(repeating: nil, count: records.count))
        let bundleFindings = Locked<[Finding]>([])
        let failure = Locked<OutputError?>(nil)

        // Each worker takes the next employee not yet taken, so a worker slowed down (by larger photos,
        // or the bundle's digest sharing its core) never leaves the other idle at the end.
        let next = Locked(0)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let reader = PhotoReader(archive: bundle.archive, configuration: options.configuration)
            while true {
                let index = next.withLock { next in
                    defer { next += 1 }
                    return next
                }
                guard index < records.count else { break }
                let record = records[index]
                var photo: PhotoFacts? = nil
                var bytes: [UInt8] = []
                if let entry = bundle.photoEntry(index) {
                    let read = reader.read(entry, context: context)
                    if !read.findings.isEmpty { bundleFindings.withLock { $0 += read.findings } }
                    photo = read.facts
                    bytes = read.bytes
                }
                let subject = EmployeeSubject(record: record, photo: photo)
                let findings = RuleRegistry.run(RuleRegistry.employeeRules, on: subject, in: context) + (rosterFindings[record.row] ?? [])
                let key = RecordKey.make(nationality: record[.nationality], passportNumber: record[.passportNumber])
                var result = EmployeeResult(record: record, recordKey: key, photo: photo, findings: findings)
                // Only this employee's own photo, just read by this worker, may give the thumbnail: for
                // every employee in precheck (the HTML report shows each photo), for photo rejections otherwise.
                let photoRejected = findings.contains(where: { $0.severity == .error && $0.category == .photo })
                do throws(OutputError) {
                    if photo != nil, options.mode == .precheck || photoRejected, let thumbnail = reader.lastThumbnail() {
                        // Written now, while the decoded photo is at hand, so people see at once what is
                        // wrong: beside the rejection report, or into the spill the precheck page embeds.
                        if options.mode == .precheck {
                            try staged.spillThumbnail(thumbnail, row: record.row)
                        } else {
                            result.thumbnail = try staged.stageThumbnail(thumbnail, row: record.row)
                        }
                    }
                    if options.mode == .process, result.isAccepted, !bytes.isEmpty {
                        try staged.stageAcceptedPhoto(bytes, key: key, sha256: photo?.sha256)
                    }
                    try results.set(result, at: index)
                } catch {
                    failure.withLock { $0 = $0 ?? error }
                }
                if let digest = photo.flatMap({ Digest256(hex: $0.sha256) }) { photoDigests.withLock { $0[index] = digest } }
                options.progress?.employeeChecked()
            }
        }
        // Every entry has been read: the central directory (some 270 bytes an entry) goes before
        // the reports are written, and its pages back to the system.
        bundle.archive.close()
        cardbatch_release_free_memory()
        if let error = failure.withLock({ $0 }) { throw error }
        var judged = results.finish()

        // Shared photos can only be judged once every photo is read: the rule is given the rows whose
        // photo bytes repeat another row's. A row it rejects may already have its photo staged as
        // accepted: that file is taken back out.
        let repeated = photoDigests.withLock { Digest256.repeatedPositions($0) }
        let subjects = repeated.map { judged[$0] }.map { EmployeeSubject(record: $0.record, photo: $0.photo) }
        let shared = Dictionary(grouping: RuleRegistry.run(RuleRegistry.photoRosterRules, on: subjects, in: context)) { $0.location.row ?? 0 }
        var added: [Int: [Finding]] = [:]
        for index in repeated {
            guard let extra = shared[records[index].row] else { continue }
            added[index] = extra
            if judged.isAccepted(at: index) && extra.hasErrors && options.mode == .process {
                try staged.withdrawAcceptedPhoto(key: judged[index].recordKey)
            }
        }
        judged = judged.adding(added)
        return (judged, bundleFindings.withLock { $0.sorted() })
    }
}
