/// A bundle the ledger has seen.
public struct LedgerBundle: Sendable, Equatable, Codable {
    public var sha256: String
    public var name: String
    /// The bundle's published output folder.
    public var output: String
    /// When it was processed (UTC, ISO 8601) and for which processing date.
    public var processedAt: String
    public var processingDate: String
    /// The bundle status it ended with.
    public var outcome: String

    public init(sha256: String, name: String, output: String, processedAt: String, processingDate: String, outcome: String) {
        self.sha256 = sha256
        self.name = name
        self.output = output
        self.processedAt = processedAt
        self.processingDate = processingDate
        self.outcome = outcome
    }
}

/// An employee identity as the ledger keys it: passport numbers are unique only per issuing state.
public struct EmployeeIdentity: Sendable, Hashable, Codable {
    public var nationality: String
    public var passportNumber: String
    public var recordKey: String

    public init(nationality: String, passportNumber: String, recordKey: String) {
        self.nationality = nationality
        self.passportNumber = passportNumber
        self.recordKey = recordKey
    }
}

/// The ledger of processed bundles and accepted employees, across runs.
///
/// Kept deliberately narrow, because a multi-machine deployment will put it in PostgreSQL. Its
/// contract with the output folders: a bundle is *reserved* (pending) before its outputs are
/// published and *completed* after, so after a crash at any instant `recover` can make the ledger
/// agree with the folders: a pending bundle whose folder was published is completed, any other is
/// rolled back.
public protocol Ledger: Sendable {
    /// The bundle with these bytes, if it was processed before (completed). Bytes only reserved
    /// (pending) are not: the run that reserved them may yet stop before publishing anything.
    func recordedBundle(sha256: String) throws -> LedgerBundle?

    /// Atomically records `bundle` as pending and reserves `employees` for it. Employees already
    /// accepted or reserved by another bundle are not reserved; they are returned with that bundle.
    /// Throws `LedgerConflict.bundleAlreadyRecorded` when the same bytes were completed meanwhile,
    /// and `LedgerConflict.bundlePending` when another reservation of them is still pending.
    /// `employees` may be read more than once; none of it is kept beyond each employee's key (a
    /// bundle may reserve 100,000 employees, read one at a time from its results spill).
    func reserve(_ bundle: LedgerBundle, employees: some Collection<EmployeeIdentity>) throws -> [EmployeeIdentity: LedgerBundle]

    /// Marks a reserved bundle completed with its final outcome, keeping only `accepted` of its
    /// reserved employees (the others were rejected after reserving). `accepted` is read once.
    func complete(sha256: String, outcome: String, accepted: some Sequence<EmployeeIdentity>) throws

    /// Drops a reserved bundle whose outputs were never published.
    func abandon(sha256: String) throws

    /// Resolves bundles left pending by a run that stopped: completed with the outcome their published
    /// output folder shows (`publishedOutcome` returns it, or nil when nothing of theirs was
    /// published), rolled back otherwise. Returns the bundle names, for logs.
    func recover(publishedOutcome: (LedgerBundle) -> String?) throws -> (completed: [String], rolledBack: [String])

    /// Resolves one pending bundle as `recover` does, when the run that reserved it has stopped
    /// (another process that is gone, or a session whose lease expired); a reservation of a run
    /// still going, this process included, is left pending. Returns whether the bytes are pending
    /// no longer (resolved now, or already completed or withdrawn).
    func resolvePending(sha256: String, publishedOutcome: (LedgerBundle) -> String?) throws -> Bool

    /// Checks, just before a reserved bundle's folder is published, that its reservation still
    /// holds: a shared ledger may have handed it to another host, or become unreachable. A bundle
    /// whose check throws is not published.
    func confirm(sha256: String) throws
}

extension Ledger {
    /// A ledger only this machine uses cannot lose a reservation to anyone: nothing to check.
    public func confirm(sha256: String) throws {}
}

/// Why a reservation of a bundle's bytes was refused: another run already holds them.
public enum LedgerConflict: Error {
    /// Completed: the bundle was processed before.
    case bundleAlreadyRecorded(LedgerBundle)
    /// Reserved by a run that has not completed it: it may still publish, or may have stopped.
    case bundlePending(LedgerBundle)
}
