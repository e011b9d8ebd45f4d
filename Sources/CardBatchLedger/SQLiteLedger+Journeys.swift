public import CardBatchCore
import CardBatchNative

extension SQLiteLedger: JourneyLog {
    static let journeySchema = """
    CREATE TABLE IF NOT EXISTS journeys (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        claim TEXT NOT NULL,
        original TEXT NOT NULL,
        state TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        output_name TEXT NOT NULL,
        received_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        outcome TEXT NOT NULL DEFAULT '',
        employees INTEGER NOT NULL DEFAULT 0,
        accepted INTEGER NOT NULL DEFAULT 0,
        rejected INTEGER NOT NULL DEFAULT 0,
        rules TEXT NOT NULL DEFAULT '',
        destination TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX IF NOT EXISTS journeys_by_claim ON journeys (claim, state);
    """

    /// Runs one statement written for both engines.
    @discardableResult
    func run(_ statement: LedgerStatement) throws(SQLiteError) -> [[String?]] {
        try run(statement.sql, statement.arguments.map(\.sqlite))
    }

    public func received(_ j: Journey) throws { try run(JourneyStatements.insert(j)) }

    public func activeJourney(claim: String) throws -> Journey? {
        try run(JourneyStatements.active(claim: claim)).first.map(JourneyStatements.journey)
    }

    public func relocate(claim: String, to newClaim: String, at: String) throws {
        try run(JourneyStatements.relocate(claim: claim, to: newClaim, at: at))
    }

    public func startAttempt(claim: String, at: String) throws -> Int {
        JourneyStatements.attempts(try run(JourneyStatements.startAttempt(claim: claim, at: at)))
    }

    public func finish(_ j: Journey) throws { try run(JourneyStatements.finish(j)) }

    public func journeys(since: String) throws -> [Journey] {
        try run(JourneyStatements.since(since)).map(JourneyStatements.journey)
    }

    public func activeJourneys() throws -> [Journey] {
        try run(JourneyStatements.allActive).map(JourneyStatements.journey)
    }
}
