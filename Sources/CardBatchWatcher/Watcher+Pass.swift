import CardBatchCore
import CardBatchNative
import CardBatchOutput
import CardBatchPipeline
import Dispatch
import Foundation
import Logging

// Passes over the inbox: what is ready, claiming it, the service loop, metrics and the summary.

extension Watcher {
    /// One pass: the ledger reached (and what a stopped run left pending recovered), claims of dead
    /// watchers taken over (shared ledger), bundles already claimed first, then ready inbox bundles,
    /// oldest first, at most `maxPerPass`. With `settle`, the inbox is looked at twice that far apart
    /// (for `--once`). A pass that cannot reach the ledger takes nothing.
    public func pass(settle: Double? = nil) {
        let started = Date()
        let before = counters.withLock { $0 }
        guard ledgerReachable() else {
            finishPass(started: started, failed: true, before: before)
            return
        }
        var failed = false
        var taken = 0
        do {
            try finishFiledJourneys(ownOnly: true)
        } catch {
            failed = true
            noteLedgerError(error)
            logger.error("cannot finish the record of a filed bundle", metadata: ["error": "\(error)"])
        }
        if claims != nil { failed = !takeOverExpiredClaims() || failed }
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
                guard try claimName(snapshot.name) else { continue }
                guard let claimed = try options.folders.claim(snapshot.name) else {
                    try claims?.release(snapshot.name)
                    continue
                }
                try ledger.received(Journey(claim: relative(claimed), original: snapshot.name, state: .received, attempts: 0,
                                            outputName: outputName(for: snapshot.name), receivedAt: Self.now(), updatedAt: Self.now()))
                logger.info("bundle taken", metadata: ["bundle": "\(snapshot.name)", "bytes": "\(snapshot.size)"])
                failed = !handle(claimed: claimed, original: snapshot.name) || failed
            } catch {
                failed = true
                noteLedgerError(error)
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
            waitOrStop(nextPollDelay())
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
            try DurableFiles.replace(Array(NightlySummaryPage.render(day: day, journeys: journeys).utf8), at: "\(options.summaryDirectory)/summary-\(day).html")
        } catch {
            logger.error("cannot write metrics or summary", metadata: ["error": "\(error)"])
        }
        let bundles = after.bundles.values.reduce(0, +) - before.bundles.values.reduce(0, +)
        logger.info("pass finished", metadata: [
            "bundles": "\(bundles)", "accepted": "\(after.acceptedEmployees - before.acceptedEmployees)",
            "rejected": "\(after.rejectedEmployees - before.rejectedEmployees)", "quarantined": "\(quarantined)",
            "failed": "\(failed)", "seconds": "\(String(format: "%.2f", seconds))",
        ])
        recordPass()
        if !failed { purgeIfDue() }
    }
}
