public import CardBatchCore
import CardBatchNative
import CardBatchOutput
import CardBatchPipeline
import Dispatch
import Foundation
public import Logging

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
    /// The ledger of bundles and employees, and the journey log, kept in one store.
    let ledger: any Ledger & JourneyLog
    /// Who owns each bundle, when the ledger is shared by watchers on several hosts (PostgreSQL):
    /// then claims are rows with leases, and a dead watcher's bundles are taken over by any host.
    /// Nil with a ledger of one machine: claim folders of dead processes on this host are recovered.
    let claims: (any BundleClaims)?
    /// Where each pass that handled a bundle, and each purge, is recorded (a ledger that keeps one).
    let history: (any RunHistory)?
    /// The bundles this pass handled, for its history entry.
    let passRuns = Locked<[BundleRun]>([])
    /// When this watcher last purged (`--purge-after`).
    let lastPurge = Locked<Date?>(nil)
    let logger: Logger
    let counters = Locked(WatchCounters())
    let stop: StopSwitch
    /// What the previous poll saw of each inbox file (service mode keeps it between passes).
    let previous = Locked<[String: FileSnapshot]>([:])

    /// `stop` may already be flipped (a signal during start-up): the watcher then takes nothing.
    public init(options: WatchOptions, ledger: any Ledger & JourneyLog, logger: Logger, stop: StopSwitch = StopSwitch()) {
        self.options = options
        self.ledger = ledger
        claims = ledger as? any BundleClaims
        history = ledger as? any RunHistory
        self.logger = logger
        self.stop = stop
    }

    /// Stops taking new bundles; the one in flight finishes.
    public func requestStop() {
        if stop.flip() { logger.info("stop requested: finishing the bundle in flight, taking no new ones") }
    }

    public var isStopping: Bool { stop.isOn }

    /// Consecutive passes that found the ledger unreachable (the poll interval backs off with them).
    let ledgerOutages = Locked(0)

    static func now() -> String { Date().formatted(.iso8601) }

    /// A path under the inbox, relative to it (as journeys record claims and destinations).
    func relative(_ path: String) -> String {
        path.hasPrefix(options.folders.inbox + "/") ? String(path.dropFirst(options.folders.inbox.count + 1)) : path
    }
}
