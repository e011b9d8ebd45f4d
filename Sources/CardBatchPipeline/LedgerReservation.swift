import CardBatchCore
import CardBatchOutput
import Foundation

/// The ledger's side of publishing one bundle. The order keeps ledger and folders in agreement after
/// a crash at any instant: `reserve` the bundle and its accepted employees (pending), publish the
/// folder, then `complete`; `abandon` when publishing fails. A run killed in between leaves a pending
/// reservation that the next run's recovery completes (the folder was published) or rolls back.
struct LedgerReservation {
    let ledger: any Ledger
    let sha256: String

    enum Outcome {
        /// Reserved; employees another bundle already holds are listed with that bundle.
        case reserved(LedgerReservation, conflicts: [EmployeeIdentity: LedgerBundle])
        /// The ledger already holds these bytes: a resubmission.
        case alreadyRecorded(LedgerBundle)
    }

    /// - SeeAlso: `Ledger.reserve`
    ///
    /// Bytes another reservation holds pending are not a resubmission yet: that run may have stopped
    /// before publishing (then its reservation is resolved here, as recovery would) or still be
    /// publishing (then it is waited for, up to `pendingWait` seconds, and its outcome decides).
    /// Likewise an employee held by a stopped run's pending bundle is freed by resolving that bundle.
    static func reserve(_ result: BundleResult, output: String, in ledger: any Ledger, processingDate: CalendarDate,
                        pendingWait: Double) throws(OutputError) -> Outcome {
        let pending = LedgerBundle(sha256: result.sha256, name: result.bundleFile, output: output,
                                   processedAt: Date().formatted(.iso8601), processingDate: processingDate.description,
                                   outcome: result.status.rawValue)
        let deadline = Date().addingTimeInterval(pendingWait)
        while true {
            do {
                let conflicts = try ledger.reserve(pending, employees: result.accepted.lazy.map(\.identity))
                let freed: Bool
                do {
                    freed = try freesStoppedHolders(of: conflicts, in: ledger)
                } catch {
                    try? ledger.abandon(sha256: result.sha256)
                    throw error
                }
                if freed {
                    try ledger.abandon(sha256: result.sha256)
                    continue
                }
                return .reserved(LedgerReservation(ledger: ledger, sha256: result.sha256), conflicts: conflicts)
            } catch LedgerConflict.bundleAlreadyRecorded(let earlier) {
                return .alreadyRecorded(earlier)
            } catch LedgerConflict.bundlePending(let earlier) {
                let resolved: Bool
                do {
                    resolved = try ledger.resolvePending(sha256: result.sha256, publishedOutcome: BatchRunner.publishedOutcome)
                } catch {
                    throw OutputError(path: result.bundleFile, operation: "resolve in the ledger", message: String(describing: error))
                }
                if resolved { continue }
                guard Date() < deadline else {
                    throw OutputError(path: result.bundleFile, operation: "record in the ledger",
                                      message: "the same bytes (\(earlier.name)) are reserved by another run that has not finished publishing them after \(Int(pendingWait)) s; try again once it has")
                }
                Thread.sleep(forTimeInterval: 0.1)
            } catch {
                throw OutputError(path: result.bundleFile, operation: "record in the ledger", message: String(describing: error))
            }
        }
    }

    /// Whether resolving the stopped runs among the holders of `conflicts` rolled any back: their
    /// employees were held by bundles that will never be published, so the reservation is made again.
    /// A holder that is completed, or pending under a live run, keeps its employees.
    static func freesStoppedHolders(of conflicts: [EmployeeIdentity: LedgerBundle], in ledger: any Ledger) throws -> Bool {
        var freed = false
        for holder in Set(conflicts.values.map(\.sha256)).sorted() where try ledger.recordedBundle(sha256: holder) == nil {
            if try ledger.resolvePending(sha256: holder, publishedOutcome: BatchRunner.publishedOutcome),
               try ledger.recordedBundle(sha256: holder) == nil {
                freed = true
            }
        }
        return freed
    }

    /// Checks with the ledger that the reservation still holds, just before publishing.
    func confirm(_ result: BundleResult) throws(OutputError) {
        do {
            try ledger.confirm(sha256: sha256)
        } catch {
            throw OutputError(path: result.bundleFile, operation: "confirm in the ledger", message: String(describing: error))
        }
    }

    /// Marks the bundle done with its final outcome and accepted employees. The folder is published
    /// by then; should this fail, the next run's recovery completes the bundle from that folder.
    func complete(_ result: BundleResult) {
        try? ledger.complete(sha256: sha256, outcome: result.status.rawValue, accepted: result.accepted.lazy.map(\.identity))
    }

    /// Withdraws the reservation of a bundle whose folder was not published.
    func abandon() {
        try? ledger.abandon(sha256: sha256)
    }
}
