import CardBatchCore
public import CardBatchLedger
import CardBatchNative
import CardBatchOutput
import CardBatchPipeline
import Dispatch
import Foundation
public import Logging
import Synchronization

/// Takes complete bundles from an inbox and processes each exactly once, through crashes, restarts
/// and other watchers on the same inbox.
///
/// The order of every step is what makes that hold: a bundle is claimed by an atomic rename before any
/// work; its journey's attempt is counted before processing starts; outputs are published, and the
/// ledger completed, before the bundle file moves to `archive/` or `rejected/`; the journey is marked
/// finished last. A run killed at any instant leaves the bundle in a claim folder, and the next start
/// processes it again from scratch (stale staging folders discarded; the ledger recognises a bundle
/// whose outputs were already published and only files it away).
public final class Watcher: Sendable {
    let options: WatchOptions
    let ledger: SQLiteLedger
    let logger: Logger
    let counters = Mutex(WatchCounters())
    let stop: StopSwitch
    /// What the previous poll saw of each inbox file (service mode keeps it between passes).
    let previous = Mutex<[String: FileSnapshot]>([:])

    /// `stop` may already be flipped (a signal during start-up): the watcher then takes nothing.
    public init(options: WatchOptions, ledger: SQLiteLedger, logger: Logger, stop: StopSwitch = StopSwitch()) {
        self.options = options
        self.ledger = ledger
        self.logger = logger
        self.stop = stop
    }

    /// Stops taking new bundles; the one in flight finishes.
    public func requestStop() {
        if stop.flip() { logger.info("stop requested: finishing the bundle in flight, taking no new ones") }
    }

    public var isStopping: Bool { stop.isOn }

    static func now() -> String { Date().formatted(.iso8601) }

    // MARK: Start-up

    /// Creates the folders, makes the ledger agree with the published outputs, takes over the claim
    /// folders of watchers on this host that died, and discards their unpublished staging folders.
    public func startUp() throws {
        try options.folders.create()
        try FileManager.default.createDirectory(atPath: options.outputDirectory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let recovered = try BatchRunner.recover(ledger)
        for name in recovered.completed { logger.warning("ledger completed a bundle published before an interruption", metadata: ["bundle": "\(name)"]) }
        for name in recovered.rolledBack { logger.warning("ledger rolled back a bundle interrupted before publishing", metadata: ["bundle": "\(name)"]) }
        for folder in options.folders.orphanedClaimFolders() {
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() {
                let old = "\(folder)/\(name)"
                let new = try InboxFolders.moveUnique(old, into: options.folders.claims)
                try ledger.relocate(claim: relative(old), to: relative(new), at: Self.now())
                logger.warning("recovered a bundle interrupted by a crash", metadata: ["bundle": "\(name)"])
            }
            rmdir(folder)
        }
        try finishFiledJourneys()
        removeStaleStaging()
        removeStaleMarkers()
    }

    /// Done-markers older than their bundle, or without one (`Readiness.isStale`): a watcher killed
    /// between filing a bundle and deleting its marker leaves one behind.
    func removeStaleMarkers() {
        let (files, markers) = options.folders.snapshot()
        let bundles = Dictionary(files.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for (name, marker) in markers.sorted(by: { $0.key < $1.key }) where Readiness.isStale(marker: marker, bundle: bundles[String(name.dropLast(5))]) {
            if unlink("\(options.folders.inbox)/\(name)") == 0 {
                logger.info("removed a stale done-marker", metadata: ["marker": "\(name)"])
            }
        }
    }

    /// Journeys left unfinished by a run killed after it had filed the bundle away (the last step
    /// before the journey is marked): finished from where the file now is.
    func finishFiledJourneys() throws {
        let claimed = Set(((try? FileManager.default.contentsOfDirectory(atPath: options.folders.claims)) ?? []))
        for var journey in try ledger.activeJourneys() where !FileManager.default.fileExists(atPath: "\(options.folders.inbox)/\(journey.claim)") {
            // Still waiting in a claim folder (moved there by a recovery whose record was lost): not filed.
            if claimed.contains(journey.original) { continue }
            let stem = (journey.original as NSString).deletingPathExtension
            func filed(in folder: String) -> String? {
                ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().first {
                    $0 == journey.original || ($0.hasPrefix(stem + "-") && $0.lowercased().hasSuffix(".zip"))
                }.map { "\(folder)/\($0)" }
            }
            if let path = filed(in: options.folders.archive) {
                journey.state = .done
                journey.destination = relative(path)
            } else if let path = filed(in: options.folders.rejected) {
                journey.state = .rejected
                journey.destination = relative(path)
            } else {
                continue
            }
            journey.outcome = (try? ledger.recordedBundle(sha256: (try? SHA256File.hex(journey.destination, inbox: options.folders.inbox)) ?? ""))??.outcome ?? journey.outcome
            journey.updatedAt = Self.now()
            try ledger.finish(journey)
            logger.warning("finished the record of a bundle filed before an interruption", metadata: ["bundle": "\(journey.original)"])
        }
    }

    /// Removes this watcher's claim folder when it is empty (on a clean exit).
    public func shutDown() {
        rmdir(options.folders.claims)
    }

    /// Staging folders (`.NAME.staging-PID-N`) of processes that are gone were never published.
    func removeStaleStaging() {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: options.outputDirectory)) ?? [] {
            guard name.hasPrefix("."), let range = name.range(of: ".staging-") ?? name.range(of: ".old-") else { continue }
            let pid = Int32(name[range.upperBound...].split(separator: "-").first ?? "") ?? 0
            if pid > 0 && pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(atPath: "\(options.outputDirectory)/\(name)")
            }
        }
    }

    func relative(_ path: String) -> String {
        path.hasPrefix(options.folders.inbox + "/") ? String(path.dropFirst(options.folders.inbox.count + 1)) : path
    }

    // MARK: Passes

    /// One pass: bundles already claimed (recovered) first, then ready inbox bundles, oldest first,
    /// at most `maxPerPass`. With `settle`, the inbox is looked at twice that far apart (for `--once`).
    public func pass(settle: Double? = nil) {
        let started = Date()
        let before = counters.withLock { $0 }
        var failed = false
        var taken = 0
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: options.folders.claims)) ?? []).sorted() where !isStopping {
            failed = !handle(claimed: "\(options.folders.claims)/\(name)", original: name) || failed
            taken += 1
        }
        if let settle {
            previous.withLock { $0 = Dictionary(options.folders.snapshot().files.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a }) }
            waitOrStop(settle)
        }
        let (files, markers) = options.folders.snapshot()
        let ready = previous.withLock { previous in
            Readiness.ready(current: files, previous: previous, markers: markers, now: Date().timeIntervalSince1970,
                            minimumAge: options.minimumAge, limit: options.maxPerPass - taken)
        }
        previous.withLock { $0 = Dictionary(files.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a }) }
        for snapshot in ready where !isStopping {
            do {
                guard let claimed = try options.folders.claim(snapshot.name) else { continue }
                try ledger.received(Journey(claim: relative(claimed), original: snapshot.name, state: .received, attempts: 0,
                                            outputName: outputName(for: snapshot.name), receivedAt: Self.now(), updatedAt: Self.now()))
                logger.info("bundle taken", metadata: ["bundle": "\(snapshot.name)", "bytes": "\(snapshot.size)"])
                failed = !handle(claimed: claimed, original: snapshot.name) || failed
            } catch {
                failed = true
                logger.error("cannot claim a bundle", metadata: ["bundle": "\(snapshot.name)", "error": "\(error)"])
            }
        }
        finishPass(started: started, failed: failed, before: before)
    }

    /// Runs passes every `pollInterval` seconds until a stop is requested.
    public func serve() {
        let hint = InotifyHint(folder: options.folders.inbox, wake: stop.wake)
        defer { withExtendedLifetime(hint) {} }
        while !isStopping {
            pass()
            waitOrStop(options.pollInterval)
        }
        logger.info("stopped")
    }

    func waitOrStop(_ seconds: Double) {
        guard !isStopping else { return }
        _ = stop.wake.wait(timeout: .now() + seconds)
    }

    /// The output folder name for a bundle: its file name without `.zip`, with `-2`, `-3` … when an
    /// earlier bundle of the same name already has that folder. Chosen once, at claim time.
    func outputName(for name: String) -> String {
        let stem = BundleJob.jobs(for: [name])[0].outputName
        var candidate = stem
        var n = 1
        while FileManager.default.fileExists(atPath: "\(options.outputDirectory)/\(candidate)") {
            n += 1
            candidate = "\(stem)-\(n)"
        }
        return candidate
    }

    // MARK: One bundle

    /// Processes one claimed bundle and files it away. Returns false on a failure of the tool itself.
    func handle(claimed path: String, original: String) -> Bool {
        let claim = relative(path)
        let started = Date()
        do {
            var journey = try ledger.activeJourney(claim: claim)
            if journey == nil, let orphan = try ledger.activeJourneys().first(where: {
                $0.original == original && !FileManager.default.fileExists(atPath: "\(options.folders.inbox)/\($0.claim)")
            }) {
                // Killed after moving a claimed file but before recording the move: the journey is this one.
                try ledger.relocate(claim: orphan.claim, to: claim, at: Self.now())
                journey = try ledger.activeJourney(claim: claim)
            }
            if journey == nil {
                // Claimed, then interrupted before the journey was written.
                journey = Journey(claim: claim, original: original, state: .received, attempts: 0, outputName: outputName(for: original),
                                  receivedAt: Self.now(), updatedAt: Self.now())
                try ledger.received(journey!)
            }
            guard var journey else { return false }
            if journey.attempts >= options.maxAttempts {
                try quarantine(path, journey: &journey)
                return true
            }
            journey.attempts = try ledger.startAttempt(claim: claim, at: Self.now())

            let processing = ProcessingOptions(
                mode: .process, outputDirectory: options.outputDirectory, processingDate: options.fixedDate ?? CalendarDate.today(),
                configuration: options.configuration, workers: options.workers, permits: options.permits, ledger: ledger)
            let job = BundleJob(path: path, outputName: journey.outputName)
            let outcome: BundleOutcome
            do {
                outcome = try BundleProcessor.run(job, options: processing)
            } catch {
                // The tool could not write its outputs (disk full, permissions): the bundle stays
                // claimed and is tried again next pass, up to maxAttempts.
                counters.withLock { $0.bundles["failed", default: 0] += 1 }
                logger.error("bundle failed", metadata: ["bundle": "\(original)", "attempt": "\(journey.attempts)", "error": "\(error)"])
                return false
            }

            let result = outcome.result
            var status = result.status.rawValue
            if let earlier = result.resubmissionOf, earlier.output == "\(options.outputDirectory)/\(journey.outputName)" {
                // Our own earlier attempt published before a crash: this is that bundle, not a resubmission.
                status = earlier.outcome
            }
            let archived = ["accepted", "partially-accepted", "employees-rejected"].contains(status)
            let destination = try InboxFolders.moveUnique(path, into: archived ? options.folders.archive : options.folders.rejected)
            try? FileManager.default.removeItem(atPath: "\(options.folders.inbox)/\(original).done")

            let rules = Set(result.bundleFindings.filter { $0.severity == .error }.map(\.rule)
                            + result.employees.flatMap { $0.findings.filter { $0.severity == .error }.map(\.rule) }).sorted()
            journey.state = archived ? .done : .rejected
            journey.outcome = status
            journey.employees = result.employees.count
            journey.accepted = result.acceptedCount
            journey.rejected = result.rejectedCount
            journey.rules = result.resubmissionOf.map { status == $0.outcome && archived ? "" : "resubmission of \($0.name) (\($0.processingDate))" } ?? rules.joined(separator: ", ")
            journey.destination = relative(destination)
            journey.updatedAt = Self.now()
            try ledger.finish(journey)
            counters.withLock {
                $0.bundles[status, default: 0] += 1
                $0.acceptedEmployees += result.acceptedCount
                $0.rejectedEmployees += result.rejectedCount
            }
            logger.info("bundle finished", metadata: [
                "bundle": "\(original)", "outcome": "\(status)", "employees": "\(result.employees.count)",
                "accepted": "\(result.acceptedCount)", "rejected": "\(result.rejectedCount)", "attempt": "\(journey.attempts)",
                "seconds": "\(String(format: "%.2f", Date().timeIntervalSince(started)))", "output": "\(outcome.outputPath)",
            ])
            return true
        } catch {
            logger.error("bundle could not be filed", metadata: ["bundle": "\(original)", "error": "\(error)"])
            return false
        }
    }

    /// A bundle that crashed the tool `maxAttempts` times goes to quarantine with a note, instead of
    /// being retried forever.
    func quarantine(_ path: String, journey: inout Journey) throws {
        let destination = try InboxFolders.moveUnique(path, into: options.folders.quarantine)
        let note = """
        \((destination as NSString).lastPathComponent) was quarantined on \(Self.now()).
        Processing it was started \(journey.attempts) times without finishing (the tool stopped or crashed each time).
        It was not processed. Check it by hand, for example with `cardbatch precheck`, then put it back into the inbox.

        """
        try DurableFiles.replace(Array(note.utf8), at: destination + ".txt")
        journey.state = .quarantined
        journey.outcome = "quarantined"
        journey.rules = "started \(journey.attempts) times without finishing"
        journey.destination = relative(destination)
        journey.updatedAt = Self.now()
        try ledger.finish(journey)
        counters.withLock { $0.bundles["quarantined", default: 0] += 1 }
        logger.error("bundle quarantined", metadata: ["bundle": "\(journey.original)", "attempts": "\(journey.attempts)"])
    }

    /// Writes the metrics and the day's summary, and logs the pass in one line.
    func finishPass(started: Date, failed: Bool, before: WatchCounters) {
        let seconds = Date().timeIntervalSince(started)
        let quarantined = ((try? FileManager.default.contentsOfDirectory(atPath: options.folders.quarantine)) ?? [])
            .filter { $0.lowercased().hasSuffix(".zip") }.count
        let (metrics, after) = counters.withLock { counters -> (String, WatchCounters) in
            counters.lastPassSeconds = (seconds * 1000).rounded() / 1000
            if !failed { counters.lastSuccess = Date().timeIntervalSince1970 }
            counters.quarantined = quarantined
            return (counters.prometheus(), counters)
        }
        do {
            try DurableFiles.replace(Array(metrics.utf8), at: options.metricsPath)
            let day = (options.fixedDate ?? CalendarDate.today()).description
            let journeys = try ledger.journeys(since: day)
            try DurableFiles.replace(Array(NightlySummary.render(day: day, journeys: journeys).utf8), at: "\(options.summaryDirectory)/summary-\(day).txt")
        } catch {
            logger.error("cannot write metrics or summary", metadata: ["error": "\(error)"])
        }
        let bundles = after.bundles.values.reduce(0, +) - before.bundles.values.reduce(0, +)
        logger.info("pass finished", metadata: [
            "bundles": "\(bundles)", "accepted": "\(after.acceptedEmployees - before.acceptedEmployees)",
            "rejected": "\(after.rejectedEmployees - before.rejectedEmployees)", "quarantined": "\(quarantined)",
            "failed": "\(failed)", "seconds": "\(String(format: "%.2f", seconds))",
        ])
    }

}

/// The SHA-256 of a file under the inbox, to look its bundle up in the ledger.
enum SHA256File {
    static func hex(_ relative: String, inbox: String) throws -> String {
        try SHA256.hex(fileAt: "\(inbox)/\(relative)")
    }
}

/// A stop request that can arrive before the watcher exists (SIGTERM during start-up) and wakes a
/// watcher sleeping between polls.
public final class StopSwitch: Sendable {
    let on = Atomic<Bool>(false)
    let wake = DispatchSemaphore(value: 0)

    public init() {}

    /// Turns the switch on; true the first time.
    @discardableResult
    public func flip() -> Bool {
        let first = !on.exchange(true, ordering: .relaxed)
        wake.signal()
        return first
    }

    public var isOn: Bool { on.load(ordering: .relaxed) }
}
