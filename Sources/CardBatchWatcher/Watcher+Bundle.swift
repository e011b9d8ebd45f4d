import CardBatchCore
import CardBatchNative
import CardBatchOutput
import CardBatchPipeline
import Dispatch
import Foundation
import Logging

// One claimed bundle: its journey, processing, filing, quarantine.

extension Watcher {
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
                // The tool could not write its outputs (disk full, permissions) or reach its ledger:
                // the bundle stays claimed and is tried again next pass, up to maxAttempts.
                counters.withLock { $0.bundles["failed", default: 0] += 1 }
                passRuns.withLock { $0.append(.failed(path: original, error: error)) }
                logger.error("bundle failed", metadata: ["bundle": "\(original)", "attempt": "\(journey.attempts)", "error": "\(error)"])
                return false
            }

            if let claims, try !claims.holds(original) {
                // This watcher's lease expired while it worked (it lost the database for longer
                // than the lease) and another host took the bundle over: that one files it.
                logger.warning("claim taken over while processing: leaving the bundle to its new holder", metadata: ["bundle": "\(original)"])
                return false
            }
            let result = outcome.result
            var status = result.status
            if let earlier = result.resubmissionOf, earlier.output == "\(options.outputDirectory)/\(journey.outputName)",
               let recorded = BundleStatus(rawValue: earlier.outcome) {
                // Our own earlier attempt published before a crash: this is that bundle, not a resubmission.
                status = recorded
            }
            let archived = status.isFiledAsProcessed
            let destination = try InboxFolders.moveUnique(path, into: archived ? options.folders.archive : options.folders.rejected)
            try? FileManager.default.removeItem(atPath: "\(options.folders.inbox)/\(original).done")

            var failed = Set(result.bundleFindings.filter { $0.severity == .error }.map(\.rule))
            for employee in result.rejected { failed.formUnion(employee.findings.lazy.filter { $0.severity == .error }.map(\.rule)) }
            let rules = failed.sorted()
            journey.state = archived ? .done : .rejected
            journey.outcome = status.rawValue
            journey.employees = result.employees.count
            journey.accepted = result.acceptedCount
            journey.rejected = result.rejectedCount
            journey.rules = result.resubmissionOf.map { status.rawValue == $0.outcome && archived ? "" : "resubmission of \($0.name) (\($0.processingDate))" } ?? rules.joined(separator: ", ")
            journey.destination = relative(destination)
            journey.updatedAt = Self.now()
            try ledger.finish(journey)
            try claims?.release(original)
            passRuns.withLock { $0.append(.judged(outcome)) }
            counters.withLock {
                $0.bundles[status.rawValue, default: 0] += 1
                $0.acceptedEmployees += result.acceptedCount
                $0.rejectedEmployees += result.rejectedCount
            }
            logger.info("bundle finished", metadata: [
                "bundle": "\(original)", "outcome": "\(status.rawValue)", "employees": "\(result.employees.count)",
                "accepted": "\(result.acceptedCount)", "rejected": "\(result.rejectedCount)", "attempt": "\(journey.attempts)",
                "seconds": "\(String(format: "%.2f", Date().timeIntervalSince(started)))", "output": "\(outcome.outputPath)",
            ])
            return true
        } catch {
            noteLedgerError(error)
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
        try claims?.release(journey.original)
        counters.withLock { $0.bundles["quarantined", default: 0] += 1 }
        logger.error("bundle quarantined", metadata: ["bundle": "\(journey.original)", "attempts": "\(journey.attempts)"])
    }
}
