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

    static let journeyColumns = "claim, original, state, attempts, output_name, received_at, updated_at, outcome, employees, accepted, rejected, rules, destination"
    static let active = "state IN ('received', 'processing')"

    static func journey(_ r: [String?]) -> Journey {
        Journey(claim: r[0] ?? "", original: r[1] ?? "", state: JourneyState(rawValue: r[2] ?? "") ?? .received, attempts: Int(r[3] ?? "") ?? 0,
                outputName: r[4] ?? "", receivedAt: r[5] ?? "", updatedAt: r[6] ?? "", outcome: r[7] ?? "", employees: Int(r[8] ?? "") ?? 0,
                accepted: Int(r[9] ?? "") ?? 0, rejected: Int(r[10] ?? "") ?? 0, rules: r[11] ?? "", destination: r[12] ?? "")
    }

    public func received(_ j: Journey) throws {
        try run("INSERT INTO journeys (\(Self.journeyColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
            .text(j.claim), .text(j.original), .text(j.state.rawValue), .integer(j.attempts), .text(j.outputName), .text(j.receivedAt),
            .text(j.updatedAt), .text(j.outcome), .integer(j.employees), .integer(j.accepted), .integer(j.rejected), .text(j.rules), .text(j.destination),
        ])
    }

    public func activeJourney(claim: String) throws -> Journey? {
        try run("SELECT \(Self.journeyColumns) FROM journeys WHERE claim = ? AND \(Self.active) ORDER BY id DESC LIMIT 1", [.text(claim)])
            .first.map(Self.journey)
    }

    public func relocate(claim: String, to newClaim: String, at: String) throws {
        try run("UPDATE journeys SET claim = ?, updated_at = ? WHERE claim = ? AND \(Self.active)", [.text(newClaim), .text(at), .text(claim)])
    }

    public func startAttempt(claim: String, at: String) throws -> Int {
        try run("UPDATE journeys SET state = 'processing', attempts = attempts + 1, updated_at = ? WHERE claim = ? AND \(Self.active)",
                [.text(at), .text(claim)])
        return try activeJourney(claim: claim)?.attempts ?? 0
    }

    public func finish(_ j: Journey) throws {
        try run("""
            UPDATE journeys SET state = ?, outcome = ?, employees = ?, accepted = ?, rejected = ?, rules = ?, destination = ?, updated_at = ?
            WHERE claim = ? AND \(Self.active)
            """, [.text(j.state.rawValue), .text(j.outcome), .integer(j.employees), .integer(j.accepted), .integer(j.rejected), .text(j.rules),
                  .text(j.destination), .text(j.updatedAt), .text(j.claim)])
    }

    public func journeys(since: String) throws -> [Journey] {
        try run("SELECT \(Self.journeyColumns) FROM journeys WHERE updated_at >= ? OR received_at >= ? ORDER BY id", [.text(since), .text(since)])
            .map(Self.journey)
    }

    public func activeJourneys() throws -> [Journey] {
        try run("SELECT \(Self.journeyColumns) FROM journeys WHERE \(Self.active) ORDER BY id").map(Self.journey)
    }
}
