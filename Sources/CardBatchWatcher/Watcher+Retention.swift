import CardBatchCore
import CardBatchPipeline
import Foundation
import Logging

// The watcher's part in the personal-data lifecycle: each pass that handled a bundle is recorded in
// the ledger's run history, and with `--purge-after` what is older than the limit goes once a day.

extension Watcher {
    /// Appends this pass's history entry when it handled at least one bundle (idle polls are not
    /// runs), and logs the entry's place in the chain: the log then anchors the chain's head, so
    /// entries removed from its end are found by `ledger verify --head`.
    func recordPass() {
        let runs = passRuns.withLock { runs in
            defer { runs = [] }
            return runs
        }
        guard !runs.isEmpty, let history else { return }
        do {
            let entry = try history.append(RunRecord.of(.watchPass, runs: runs, host: options.host, configuration: options.configuration))
            logger.info("pass recorded", metadata: ["history": "\(entry.sequence):\(entry.digest)"])
        } catch {
            noteLedgerError(error)
            logger.error("cannot record the pass in the ledger's history", metadata: ["error": "\(error)"])
        }
    }

    /// With `--purge-after DAYS`, once a day: removes result folders and filed inbox bundles older
    /// than DAYS, never one in flight on any host, and records the purge.
    func purgeIfDue(now: Date = Date()) {
        guard let days = options.purgeAfterDays, !isStopping, let listing = ledger as? any InFlightListing else { return }
        if let last = lastPurge.withLock({ $0 }), now.timeIntervalSince(last) < 86_400 { return }
        do {
            let scope = RetentionPurge.Scope(outputDirectory: options.outputDirectory, inbox: options.folders.inbox, resultDays: days, inboxDays: days)
            RetentionPurge.finishInterrupted(outputDirectory: options.outputDirectory)
            let plan = try RetentionPurge.plan(scope, now: now) { try listing.inFlight() }
            let (removed, failures) = RetentionPurge.execute(plan)
            let record = RetentionPurge.record(scope, plan: plan, removed: removed, failures: failures.count, host: options.host)
            let entry = try history?.append(record)
            lastPurge.withLock { $0 = now }
            for failure in failures { logger.error("cannot purge", metadata: ["path": "\(failure)"]) }
            logger.info("purged", metadata: [
                "resultFolders": "\(record.counts["resultFolders"] ?? 0)", "inboxFiles": "\(record.counts["inboxFiles"] ?? 0)",
                "keptInFlight": "\(plan.keptInFlight.count)", "olderThanDays": "\(days)",
                "history": "\(entry.map { "\($0.sequence):\($0.digest)" } ?? "")",
            ])
        } catch {
            noteLedgerError(error)
            logger.error("cannot purge: the ledger could not say what is in flight", metadata: ["error": "\(error)"])
        }
    }
}
