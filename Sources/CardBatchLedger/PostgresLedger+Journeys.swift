public import CardBatchCore
import CardBatchNative

extension PostgresLedger: JourneyLog {
    static let journeyColumns = SQLiteLedger.journeyColumns
    static let active = SQLiteLedger.active

    public func received(_ j: Journey) throws {
        try run("INSERT INTO journeys (\(Self.journeyColumns)) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)", [
            .text(j.claim), .text(j.original), .text(j.state.rawValue), .integer(j.attempts), .text(j.outputName), .text(j.receivedAt),
            .text(j.updatedAt), .text(j.outcome), .integer(j.employees), .integer(j.accepted), .integer(j.rejected), .text(j.rules), .text(j.destination),
        ])
    }

    public func activeJourney(claim: String) throws -> Journey? {
        try run("SELECT \(Self.journeyColumns) FROM journeys WHERE claim = $1 AND \(Self.active) ORDER BY id DESC LIMIT 1", [.text(claim)])
            .first.map(SQLiteLedger.journey)
    }

    public func relocate(claim: String, to newClaim: String, at: String) throws {
        try run("UPDATE journeys SET claim = $1, updated_at = $2 WHERE claim = $3 AND \(Self.active)", [.text(newClaim), .text(at), .text(claim)])
    }

    public func startAttempt(claim: String, at: String) throws -> Int {
        let rows = try run("""
            UPDATE journeys SET state = 'processing', attempts = attempts + 1, updated_at = $1 WHERE claim = $2 AND \(Self.active) RETURNING attempts
            """, [.text(at), .text(claim)])
        return rows.compactMap { $0[0].flatMap { Int($0) } }.max() ?? 0
    }

    public func finish(_ j: Journey) throws {
        try run("""
            UPDATE journeys SET state = $1, outcome = $2, employees = $3, accepted = $4, rejected = $5, rules = $6, destination = $7, updated_at = $8
            WHERE claim = $9 AND \(Self.active)
            """, [.text(j.state.rawValue), .text(j.outcome), .integer(j.employees), .integer(j.accepted), .integer(j.rejected), .text(j.rules),
                  .text(j.destination), .text(j.updatedAt), .text(j.claim)])
    }

    public func journeys(since: String) throws -> [Journey] {
        try run("SELECT \(Self.journeyColumns) FROM journeys WHERE updated_at >= $1 OR received_at >= $1 ORDER BY id", [.text(since)])
            .map(SQLiteLedger.journey)
    }

    public func activeJourneys() throws -> [Journey] {
        try run("SELECT \(Self.journeyColumns) FROM journeys WHERE \(Self.active) ORDER BY id").map(SQLiteLedger.journey)
    }
}

extension PostgresLedger: BundleClaims {
    public func claim(_ name: String, owner: String) throws -> Bool {
        try !run("""
            INSERT INTO claims (name, session_id, owner) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING RETURNING name
            """, [.text(name), .integer(session), .text(owner)]).isEmpty
    }

    public func takeOverExpired(owner: String) throws -> [TakenOverClaim] {
        // In one transaction: the candidate claims are locked (those another taker holds are
        // skipped); then, with the locks held, each one's holder is checked again in a statement of
        // its own. The second look is what makes it safe: when another taker changed a row between
        // the first statement's snapshot and its lock, PostgreSQL hands back the new version, whose
        // holder may be that live taker; only a claim whose holder is still expired is moved.
        let session = self.session
        return try transaction { db throws(PostgresError) -> [TakenOverClaim] in
            let candidates = try db.query("""
                SELECT c.name, c.owner, c.session_id FROM claims c
                WHERE c.session_id <> $1
                  AND NOT EXISTS (SELECT 1 FROM ledger_sessions s WHERE s.id = c.session_id AND s.lease_expires >= now())
                ORDER BY c.claimed_at FOR UPDATE OF c SKIP LOCKED
                """, [.integer(session)])
            var taken: [TakenOverClaim] = []
            for row in candidates {
                guard let name = row[0], let holder = row[2], Int(holder) != session else { continue }
                let live = try db.query("SELECT 1 FROM ledger_sessions WHERE id = $1::bigint AND lease_expires >= clock_timestamp()", [.text(holder)])
                guard live.isEmpty else { continue }
                try db.query("UPDATE claims SET session_id = $1, owner = $2, takeovers = takeovers + 1, claimed_at = now() WHERE name = $3",
                             [.integer(session), .text(owner), .text(name)])
                taken.append(TakenOverClaim(name: name, previousOwner: row[1] ?? ""))
            }
            return taken
        }
    }

    public func release(_ name: String) throws {
        try run("DELETE FROM claims WHERE name = $1 AND session_id = $2", [.text(name), .integer(session)])
    }

    public func holds(_ name: String) throws -> Bool {
        try !run("SELECT 1 FROM claims WHERE name = $1 AND session_id = $2", [.text(name), .integer(session)]).isEmpty
    }
}
