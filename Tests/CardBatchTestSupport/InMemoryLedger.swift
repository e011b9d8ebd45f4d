public import CardBatchCore

/// The `Ledger` and `JourneyLog` contracts kept in memory, for tests of the watcher and the pipeline
/// where storage is not the subject (swift-log's in-memory handler plays the same part). It follows
/// `SQLiteLedger`'s rules: a reserved bundle is pending until completed or abandoned, an employee is
/// held by one bundle at a time, a journey is active until it is done, rejected or quarantined.
/// Everything is behind one lock, as SQLite's transactions are.
public final class InMemoryLedger: Ledger, JourneyLog {
    struct Store {
        var bundles: [String: (bundle: LedgerBundle, pending: Bool)] = [:]
        /// nationality/passport → (bundle sha256, identity)
        var employees: [String: (sha256: String, identity: EmployeeIdentity)] = [:]
        var journeys: [Journey] = []
    }
    private let store = Locked(Store())

    public init() {}

    static func key(_ e: EmployeeIdentity) -> String { e.nationality + "/" + e.passportNumber }
    static func isActive(_ j: Journey) -> Bool { [.received, .processing].contains(j.state) }

    public func recordedBundle(sha256: String) throws -> LedgerBundle? {
        store.withLock { store in store.bundles[sha256].flatMap { $0.pending ? nil : $0.bundle } }
    }

    public func reserve(_ bundle: LedgerBundle, employees: some Collection<EmployeeIdentity>) throws -> [EmployeeIdentity: LedgerBundle] {
        try store.withLock { store throws(LedgerConflict) in
            if let recorded = store.bundles[bundle.sha256] {
                throw recorded.pending ? .bundlePending(recorded.bundle) : .bundleAlreadyRecorded(recorded.bundle)
            }
            store.bundles[bundle.sha256] = (bundle, true)
            var conflicts: [EmployeeIdentity: LedgerBundle] = [:]
            for employee in employees {
                if let holder = store.employees[Self.key(employee)], let held = store.bundles[holder.sha256] {
                    conflicts[employee] = held.bundle
                } else {
                    store.employees[Self.key(employee)] = (bundle.sha256, employee)
                }
            }
            return conflicts
        }
    }

    public func complete(sha256: String, outcome: String, accepted: some Sequence<EmployeeIdentity>) throws {
        let accepted = Set(accepted)
        store.withLock { store in
            store.employees = store.employees.filter { $0.value.sha256 != sha256 || accepted.contains($0.value.identity) }
            store.bundles[sha256]?.bundle.outcome = outcome
            store.bundles[sha256]?.pending = false
        }
    }

    public func abandon(sha256: String) throws {
        store.withLock { store in
            store.employees = store.employees.filter { $0.value.sha256 != sha256 }
            if store.bundles[sha256]?.pending == true { store.bundles[sha256] = nil }
        }
    }

    /// Every pending bundle belongs to this process here, so none is left for another run.
    public func recover(publishedOutcome: (LedgerBundle) -> String?) throws -> (completed: [String], rolledBack: [String]) {
        let pending = store.withLock { $0.bundles.values.filter(\.pending).map(\.bundle) }.sorted { $0.sha256 < $1.sha256 }
        var completed: [String] = [], rolledBack: [String] = []
        for bundle in pending {
            if let outcome = publishedOutcome(bundle) {
                store.withLock { $0.bundles[bundle.sha256] = (LedgerBundle(sha256: bundle.sha256, name: bundle.name, output: bundle.output,
                                                                           processedAt: bundle.processedAt, processingDate: bundle.processingDate,
                                                                           outcome: outcome), false) }
                completed.append(bundle.name)
            } else {
                try abandon(sha256: bundle.sha256)
                rolledBack.append(bundle.name)
            }
        }
        return (completed, rolledBack)
    }

    /// A pending bundle here is this process's own, so it is live.
    public func resolvePending(sha256: String, publishedOutcome: (LedgerBundle) -> String?) throws -> Bool {
        store.withLock { $0.bundles[sha256]?.pending != true }
    }

    public func received(_ journey: Journey) throws { store.withLock { $0.journeys.append(journey) } }

    public func activeJourney(claim: String) throws -> Journey? {
        store.withLock { $0.journeys.last { $0.claim == claim && Self.isActive($0) } }
    }

    public func relocate(claim: String, to newClaim: String, at: String) throws {
        updateActive(claim: claim) { $0.claim = newClaim; $0.updatedAt = at }
    }

    public func startAttempt(claim: String, at: String) throws -> Int {
        updateActive(claim: claim) { $0.state = .processing; $0.attempts += 1; $0.updatedAt = at }
        return try activeJourney(claim: claim)?.attempts ?? 0
    }

    public func finish(_ journey: Journey) throws {
        updateActive(claim: journey.claim) { stored in
            stored.state = journey.state
            stored.outcome = journey.outcome
            stored.employees = journey.employees
            stored.accepted = journey.accepted
            stored.rejected = journey.rejected
            stored.rules = journey.rules
            stored.destination = journey.destination
            stored.updatedAt = journey.updatedAt
        }
    }

    public func journeys(since: String) throws -> [Journey] {
        store.withLock { $0.journeys.filter { $0.updatedAt >= since || $0.receivedAt >= since } }
    }

    public func activeJourneys() throws -> [Journey] { store.withLock { $0.journeys.filter(Self.isActive) } }

    private func updateActive(claim: String, _ change: (inout Journey) -> Void) {
        store.withLock { store in
            for i in store.journeys.indices where store.journeys[i].claim == claim && Self.isActive(store.journeys[i]) { change(&store.journeys[i]) }
        }
    }
}
