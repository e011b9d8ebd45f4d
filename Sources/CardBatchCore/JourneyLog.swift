/// Where a bundle is on its way through the watcher.
public enum JourneyState: String, Sendable, Codable, CaseIterable {
    case received, processing, done, rejected, quarantined
}

/// One bundle's journey through the inbox, as the watcher records it.
public struct Journey: Sendable, Equatable, Codable {
    /// The claimed file, relative to the inbox (`processing/<host>-<pid>/NAME.zip`).
    public var claim: String
    /// The name it arrived under.
    public var original: String
    public var state: JourneyState
    public var attempts: Int
    /// The output folder name chosen at claim time (kept across attempts).
    public var outputName: String
    public var receivedAt: String
    public var updatedAt: String
    /// Bundle status and counts once finished.
    public var outcome: String
    public var employees: Int
    public var accepted: Int
    public var rejected: Int
    /// The rules that rejected anything, comma-separated.
    public var rules: String
    /// Where the bundle file ended up.
    public var destination: String

    public init(claim: String, original: String, state: JourneyState, attempts: Int, outputName: String, receivedAt: String,
                updatedAt: String, outcome: String = "", employees: Int = 0, accepted: Int = 0, rejected: Int = 0,
                rules: String = "", destination: String = "") {
        self.claim = claim
        self.original = original
        self.state = state
        self.attempts = attempts
        self.outputName = outputName
        self.receivedAt = receivedAt
        self.updatedAt = updatedAt
        self.outcome = outcome
        self.employees = employees
        self.accepted = accepted
        self.rejected = rejected
        self.rules = rules
        self.destination = destination
    }
}

/// The watcher's record of every bundle's journey. Narrow, like `Ledger`, and kept in the same store.
public protocol JourneyLog: Sendable {
    /// Records a bundle just claimed.
    func received(_ journey: Journey) throws
    /// The unfinished journey of a claimed file, if any.
    func activeJourney(claim: String) throws -> Journey?
    /// A claimed file moved (recovered into another watcher's claim folder).
    func relocate(claim: String, to newClaim: String, at: String) throws
    /// Marks an attempt started and returns the attempt number (1 for the first).
    func startAttempt(claim: String, at: String) throws -> Int
    /// Records how the journey ended; only called once the outputs and the bundle file are in place.
    func finish(_ journey: Journey) throws
    /// Every journey received or updated since `since` (ISO 8601), oldest first.
    func journeys(since: String) throws -> [Journey]
    /// Every unfinished journey.
    func activeJourneys() throws -> [Journey]
}
