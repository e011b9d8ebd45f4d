import CardBatchCore
import CardBatchNative
import CardBatchOutput
import CardBatchPipeline
import Foundation
import Logging

// The ledger as a service that may be away (PostgreSQL on another host), and claims shared by
// watchers on several hosts.

extension Watcher {
    /// Reaches the ledger at the start of a pass and recovers what a stopped run left pending (this
    /// process's failed attempts, or, with a shared ledger, those of any host whose lease expired).
    /// Logs only when the ledger goes away or comes back, not on every poll.
    func ledgerReachable() -> Bool {
        do {
            let recovered = try BatchRunner.recover(ledger)
            for name in recovered.completed { logger.warning("ledger completed a bundle published before an interruption", metadata: ["bundle": "\(name)"]) }
            for name in recovered.rolledBack { logger.warning("ledger rolled back a bundle interrupted before publishing", metadata: ["bundle": "\(name)"]) }
            let outages = ledgerOutages.withLock { count in defer { count = 0 }; return count }
            counters.withLock { $0.ledgerUnreachable = false }
            if outages > 0 { logger.notice("ledger reachable again", metadata: ["passes-missed": "\(outages)"]) }
            return true
        } catch {
            let first = ledgerOutages.withLock { count in count += 1; return count == 1 }
            counters.withLock {
                $0.ledgerErrors += 1
                $0.ledgerUnreachable = true
            }
            if first {
                logger.error("ledger unreachable: taking no bundles until it answers (polling with back-off)", metadata: ["error": "\(error)"])
            }
            return false
        }
    }

    /// Counts a failed ledger call made during a pass (other failures of a pass are the files').
    func noteLedgerError(_ error: any Error) {
        if error is PostgresError || error is SQLiteError { counters.withLock { $0.ledgerErrors += 1 } }
    }

    /// Claims an inbox bundle's name in the shared ledger. A claim this watcher still holds on that
    /// name but no longer uses (its release failed after the earlier bundle of that name was filed)
    /// is given up first.
    func claimName(_ name: String) throws -> Bool {
        guard let claims else { return true }
        if try claims.claim(name, owner: options.folders.owner) { return true }
        guard try claims.holds(name), !FileManager.default.fileExists(atPath: "\(options.folders.claims)/\(name)") else { return false }
        try claims.release(name)
        return try claims.claim(name, owner: options.folders.owner)
    }

    /// The wait before the next pass: the poll interval, doubled for every pass in a row that found
    /// the ledger unreachable, up to `maxBackoff`.
    func nextPollDelay() -> Double {
        let outages = ledgerOutages.withLock { $0 }
        guard outages > 0 else { return options.pollInterval }
        return min(max(options.maxBackoff, options.pollInterval), options.pollInterval * pow(2, Double(min(outages, 30))))
    }

    /// Takes over the claims of watchers whose lease expired: each bundle moves from the dead
    /// watcher's claim folder (or the inbox, when it died between claiming and moving) into this
    /// watcher's, its journey follows, and it is processed in this pass like any claimed bundle. A
    /// bundle already filed away is only released. Then any bundle lying in another watcher's claim
    /// folder with no claim at all is claimed and taken too. Returns false when the ledger failed.
    func takeOverExpiredClaims() -> Bool {
        guard let claims else { return true }
        var ok = true
        do {
            let expired = try claims.takeOverExpired(owner: options.folders.owner)
            let others = expired.isEmpty ? [] : othersClaimedFiles()
            for claim in expired {
                ok = takeOver(claim.name, from: claim.previousOwner, others: others) && ok
            }
            for (folder, name) in othersClaimedFiles() where try claims.claim(name, owner: options.folders.owner) {
                ok = takeOver(name, from: folder, others: []) && ok
            }
        } catch {
            noteLedgerError(error)
            logger.error("cannot take over expired claims", metadata: ["error": "\(error)"])
            return false
        }
        return ok
    }

    /// Files in claim folders other than this watcher's, as (folder, name), oldest folder name first.
    func othersClaimedFiles() -> [(String, String)] {
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: options.folders.processing)) ?? []).sorted()
        return folders.filter { $0 != options.folders.owner }.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: "\(options.folders.processing)/\(folder)")) ?? []).sorted().map { (folder, $0) }
        }
    }

    /// Moves a bundle whose claim this watcher now holds into its own claim folder. The file is
    /// looked for in the previous holder's folder first, then in any other claim folder (a holder
    /// that died while taking it over from a third one left it there; `others` lists them), then in
    /// the inbox.
    func takeOver(_ name: String, from previousOwner: String, others: [(String, String)]) -> Bool {
        guard let claims else { return true }
        let elsewhere = others.filter { $0.1 == name }.map { "\(options.folders.processing)/\($0.0)/\(name)" }
        let candidates = ["\(options.folders.processing)/\(previousOwner)/\(name)"] + elsewhere + ["\(options.folders.inbox)/\(name)"]
        do {
            guard let source = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
                // Filed away before its holder died (its journey is finished by
                // `finishFiledJourneys`), or taken out by hand: nothing left to own.
                try claims.release(name)
                try finishFiledJourneys()
                return true
            }
            mkdir(options.folders.claims, 0o700)
            let moved = try InboxFolders.moveUnique(source, into: options.folders.claims)
            if source.hasPrefix(options.folders.processing + "/") {
                try ledger.relocate(claim: relative(source), to: relative(moved), at: Self.now())
                rmdir((source as NSString).deletingLastPathComponent)
            }
            counters.withLock { $0.leaseTakeovers += 1 }
            logger.warning("took over a bundle whose watcher's lease expired", metadata: ["bundle": "\(name)", "previous-owner": "\(previousOwner)"])
            return true
        } catch {
            noteLedgerError(error)
            logger.error("cannot take over a bundle", metadata: ["bundle": "\(name)", "error": "\(error)"])
            return false
        }
    }
}
