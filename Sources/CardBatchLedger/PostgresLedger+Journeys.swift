public import CardBatchCore
import CardBatchNative

extension PostgresLedger: JourneyLog {
    /// Runs one statement written for both engines.
    @discardableResult
    func run(_ statement: LedgerStatement) throws(PostgresError) -> [[String?]] {
        try run(statement.numbered, statement.arguments.map(\.postgres))
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
