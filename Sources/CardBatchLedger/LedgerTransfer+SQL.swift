public import CardBatchCore
import CardBatchNative
import Foundation

/// Export, import and status, written once for both engines; `query` and `execute` are one engine's
/// connection, under its lock.
struct TransferStatements {
    let query: (LedgerStatement) throws -> [[String?]]
    let execute: (String) throws -> Void
    /// How the engine begins a write transaction.
    let begin: String

    /// `body` in one transaction, rolled back when it throws.
    func inTransaction<T>(_ body: (TransferStatements) throws -> T) throws -> T {
        try execute(begin)
        do {
            let value = try body(self)
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    func query(_ sql: String, _ arguments: [LedgerValue]) throws -> [[String?]] {
        try query(LedgerStatement(sql, arguments))
    }

    func count(_ sql: String, _ arguments: [LedgerValue] = []) throws -> Int {
        Int(try query(sql, arguments).first?[0] ?? "") ?? 0
    }

    func contents(secret: LedgerSecret) throws -> LedgerContents {
        let bundles = try query("SELECT \(SQLiteLedger.columns) FROM bundles WHERE state = 'done' ORDER BY processed_at, sha256", []).map(SQLiteLedger.bundle)
        let employees = try query("""
            SELECT e.identity_key, e.bundle_sha256 FROM employees e JOIN bundles b ON b.sha256 = e.bundle_sha256
            WHERE b.state = 'done' ORDER BY e.bundle_sha256, e.identity_key
            """, []).map { LedgerContents.Employee(identityKey: $0[0] ?? "", bundleSHA256: $0[1] ?? "") }
        let journeys = try query("SELECT \(JourneyStatements.columns) FROM journeys ORDER BY id", []).map(JourneyStatements.journey)
        let pending = try count("SELECT count(*) FROM bundles WHERE state = 'pending'")
        return LedgerContents(bundles: bundles, employees: employees, journeys: journeys, pendingLeftOut: pending, keyFingerprint: secret.fingerprint)
    }

    /// Adds what the target lacks: bundles by SHA-256, employees unless another bundle already holds
    /// them (the earlier acceptance stays), journeys unless the same (claim, original, received) is there.
    /// Keys made under another secret mean nothing here and are refused; a version-1 file's clear-text
    /// identities are keyed on the way in.
    func add(_ contents: LedgerContents, secret: LedgerSecret) throws -> LedgerImportSummary {
        if let fingerprint = contents.keyFingerprint, fingerprint != secret.fingerprint {
            throw LedgerKeyMismatch(expected: fingerprint, given: secret)
        }
        var summary = LedgerImportSummary()
        var added = Set<String>()
        for b in contents.bundles {
            if try count("SELECT count(*) FROM bundles WHERE sha256 = ?", [.text(b.sha256)]) > 0 {
                summary.bundlesPresent += 1
                continue
            }
            _ = try query("INSERT INTO bundles (\(SQLiteLedger.columns), state) VALUES (?, ?, ?, ?, ?, ?, 'done')", [
                .text(b.sha256), .text(b.name), .text(b.output), .text(b.processedAt), .text(b.processingDate), .text(b.outcome),
            ])
            added.insert(b.sha256)
            summary.bundlesAdded += 1
        }
        for e in contents.employees where added.contains(e.bundleSHA256) {
            let key = e.key(secret)
            if try count("SELECT count(*) FROM employees WHERE identity_key = ?", [.text(key)]) > 0 {
                summary.employeesHeldElsewhere += 1
                continue
            }
            _ = try query("INSERT INTO employees (identity_key, bundle_sha256) VALUES (?, ?)", [.text(key), .text(e.bundleSHA256)])
            summary.employeesAdded += 1
        }
        for j in contents.journeys {
            if try count("SELECT count(*) FROM journeys WHERE claim = ? AND original = ? AND received_at = ?",
                         [.text(j.claim), .text(j.original), .text(j.receivedAt)]) > 0 {
                summary.journeysPresent += 1
                continue
            }
            _ = try query(JourneyStatements.insert(j))
            summary.journeysAdded += 1
        }
        return summary
    }

    func status(backend: String, location: String, schemaVersion: Int, latest: Int, secret: LedgerSecret) throws -> LedgerStatus {
        let head = try query("SELECT seq, digest FROM runs ORDER BY seq DESC LIMIT 1", []).first
        return LedgerStatus(
            backend: backend, location: location, schemaVersion: schemaVersion, latestSchemaVersion: latest,
            bundlesDone: try count("SELECT count(*) FROM bundles WHERE state = 'done'"),
            bundlesPending: try count("SELECT count(*) FROM bundles WHERE state = 'pending'"),
            acceptedEmployees: try count("SELECT count(*) FROM employees"),
            journeys: try count("SELECT count(*) FROM journeys"),
            activeJourneys: try count("SELECT count(*) FROM journeys WHERE \(JourneyStatements.active)"),
            keyFingerprint: secret.fingerprint,
            historyEntries: Int(head?[0] ?? "") ?? 0, historyHead: head?[1] ?? "")
    }

    /// Pending bundles' output folders, and the names of bundles in unfinished journeys.
    func inFlight() throws -> InFlight {
        var flight = InFlight()
        for row in try query("SELECT output FROM bundles WHERE state = 'pending'", []) { flight.pendingOutputs.insert(row[0] ?? "") }
        for row in try query("SELECT claim, original FROM journeys WHERE \(JourneyStatements.active)", []) {
            for name in row.compactMap({ $0 }) { flight.bundleNames.insert((name as NSString).lastPathComponent) }
        }
        return flight
    }
}

extension SQLiteLedger: LedgerTransfer, RunHistory, InFlightListing {
    /// `body` with the transfer statements on this ledger's connection, under its lock.
    func withStatements<T: Sendable>(_ body: (TransferStatements) throws -> T) throws -> T {
        try database.withLock { db throws -> T in try body(Self.statements(db)) }
    }

    static func statements(_ db: SQLiteDatabase) -> TransferStatements {
        TransferStatements(query: { try db.query($0.sql, $0.arguments.map(\.sqlite)) }, execute: { try db.execute($0) }, begin: "BEGIN IMMEDIATE")
    }

    public func contents() throws -> LedgerContents {
        try withStatements { [secret] in try $0.inTransaction { try $0.contents(secret: secret) } }
    }

    public func add(_ contents: LedgerContents) throws -> LedgerImportSummary {
        try withStatements { [secret] in try $0.inTransaction { try $0.add(contents, secret: secret) } }
    }

    public func status() throws -> LedgerStatus {
        try withStatements { [path, secret] in
            try $0.status(backend: "sqlite", location: path, schemaVersion: Self.schemaVersion, latest: Self.schemaVersion, secret: secret)
        }
    }

    public func append(_ run: RunRecord) throws -> HistoryEntry {
        try withStatements { [secret] in try $0.inTransaction { try HistoryStatements.append(run, secret: secret, in: $0) } }
    }

    public func history(since: String?) throws -> [HistoryEntry] {
        try withStatements { try HistoryStatements.entries(since: since, in: $0) }
    }

    public func verifyHistory(anchor: HistoryAnchor?) throws -> HistoryCheck {
        try withStatements { [secret] in try $0.inTransaction { try HistoryStatements.verify(secret: secret, anchor: anchor, in: $0) } }
    }

    public func inFlight() throws -> InFlight {
        try withStatements { try $0.inFlight() }
    }
}

extension PostgresLedger: LedgerTransfer, RunHistory, InFlightListing {
    /// `body` with the transfer statements on this ledger's connection, under its lock.
    func withStatements<T: Sendable>(_ body: (TransferStatements) throws -> T) throws -> T {
        try database.withLock { db throws -> T in try body(Self.statements(db)) }
    }

    static func statements(_ db: PostgresConnection) -> TransferStatements {
        TransferStatements(query: { try db.query($0.numbered, $0.arguments.map(\.postgres)) }, execute: { try db.execute($0) }, begin: "BEGIN")
    }

    public func contents() throws -> LedgerContents {
        try withStatements { [secret] in try $0.inTransaction { try $0.contents(secret: secret) } }
    }

    public func add(_ contents: LedgerContents) throws -> LedgerImportSummary {
        try withStatements { [secret] in
            try $0.inTransaction { statements in
                // One import at a time: two imports of overlapping ledgers would otherwise race on the same rows.
                _ = try statements.query("SELECT pg_advisory_xact_lock(?::bigint)", [.integer(Self.migrationLock + 1)])
                return try statements.add(contents, secret: secret)
            }
        }
    }

    public func status() throws -> LedgerStatus {
        try withStatements { [endpoint, secret] in
            try $0.inTransaction { statements in
                let version = try statements.count("SELECT coalesce(max(version), 0) FROM schema_migrations")
                var status = try statements.status(backend: "postgresql", location: endpoint, schemaVersion: version,
                                                   latest: Self.migrations.last?.version ?? 0, secret: secret)
                status.liveSessions = try statements.count("SELECT count(*) FROM ledger_sessions WHERE lease_expires >= now()")
                status.expiredSessions = try statements.count("SELECT count(*) FROM ledger_sessions WHERE lease_expires < now()")
                status.claims = try statements.count("SELECT count(*) FROM claims")
                status.expiredClaims = try statements.count("""
                    SELECT count(*) FROM claims c
                    WHERE NOT EXISTS (SELECT 1 FROM ledger_sessions s WHERE s.id = c.session_id AND s.lease_expires >= now())
                    """)
                return status
            }
        }
    }

    public func append(_ run: RunRecord) throws -> HistoryEntry {
        try withStatements { [secret] in
            try $0.inTransaction { statements in
                // Appenders on every host take turns, so each links to the head the one before wrote.
                _ = try statements.query("SELECT pg_advisory_xact_lock(?::bigint)", [.integer(Self.migrationLock + 2)])
                return try HistoryStatements.append(run, secret: secret, in: statements)
            }
        }
    }

    public func history(since: String?) throws -> [HistoryEntry] {
        try withStatements { try HistoryStatements.entries(since: since, in: $0) }
    }

    public func verifyHistory(anchor: HistoryAnchor?) throws -> HistoryCheck {
        try withStatements { [secret] in try $0.inTransaction { try HistoryStatements.verify(secret: secret, anchor: anchor, in: $0) } }
    }

    /// Also the names of claimed bundles, whichever host holds them.
    public func inFlight() throws -> InFlight {
        try withStatements { statements in
            var flight = try statements.inFlight()
            for row in try statements.query("SELECT name FROM claims", []) { flight.bundleNames.insert(row[0] ?? "") }
            return flight
        }
    }
}
