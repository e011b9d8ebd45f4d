import CardBatchCore
import CardBatchNative

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

    func contents() throws -> LedgerContents {
        let bundles = try query("SELECT \(SQLiteLedger.columns) FROM bundles WHERE state = 'done' ORDER BY processed_at, sha256", []).map(SQLiteLedger.bundle)
        let employees = try query("""
            SELECT e.nationality, e.passport_number, e.record_key, e.bundle_sha256 FROM employees e JOIN bundles b ON b.sha256 = e.bundle_sha256
            WHERE b.state = 'done' ORDER BY e.bundle_sha256, e.nationality, e.passport_number
            """, []).map { LedgerContents.Employee(nationality: $0[0] ?? "", passportNumber: $0[1] ?? "", recordKey: $0[2] ?? "", bundleSHA256: $0[3] ?? "") }
        let journeys = try query("SELECT \(JourneyStatements.columns) FROM journeys ORDER BY id", []).map(JourneyStatements.journey)
        let pending = try count("SELECT count(*) FROM bundles WHERE state = 'pending'")
        return LedgerContents(bundles: bundles, employees: employees, journeys: journeys, pendingLeftOut: pending)
    }

    /// Adds what the target lacks: bundles by SHA-256, employees unless another bundle already holds
    /// them (the earlier acceptance stays), journeys unless the same (claim, original, received) is there.
    func add(_ contents: LedgerContents) throws -> LedgerImportSummary {
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
            if try count("SELECT count(*) FROM employees WHERE nationality = ? AND passport_number = ?", [.text(e.nationality), .text(e.passportNumber)]) > 0 {
                summary.employeesHeldElsewhere += 1
                continue
            }
            _ = try query("INSERT INTO employees (nationality, passport_number, bundle_sha256, record_key) VALUES (?, ?, ?, ?)", [
                .text(e.nationality), .text(e.passportNumber), .text(e.bundleSHA256), .text(e.recordKey),
            ])
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

    func status(backend: String, location: String, schemaVersion: Int, latest: Int) throws -> LedgerStatus {
        LedgerStatus(
            backend: backend, location: location, schemaVersion: schemaVersion, latestSchemaVersion: latest,
            bundlesDone: try count("SELECT count(*) FROM bundles WHERE state = 'done'"),
            bundlesPending: try count("SELECT count(*) FROM bundles WHERE state = 'pending'"),
            acceptedEmployees: try count("SELECT count(*) FROM employees"),
            journeys: try count("SELECT count(*) FROM journeys"),
            activeJourneys: try count("SELECT count(*) FROM journeys WHERE \(JourneyStatements.active)"))
    }
}

extension SQLiteLedger: LedgerTransfer {
    /// `body` with the transfer statements on this ledger's connection, under its lock.
    func withStatements<T: Sendable>(_ body: (TransferStatements) throws -> T) throws -> T {
        try database.withLock { db throws -> T in try body(statements(db)) }
    }

    func statements(_ db: SQLiteDatabase) -> TransferStatements {
        TransferStatements(query: { try db.query($0.sql, $0.arguments.map(\.sqlite)) }, execute: { try db.execute($0) }, begin: "BEGIN IMMEDIATE")
    }

    public func contents() throws -> LedgerContents {
        try withStatements { try $0.inTransaction { try $0.contents() } }
    }

    public func add(_ contents: LedgerContents) throws -> LedgerImportSummary {
        try withStatements { try $0.inTransaction { try $0.add(contents) } }
    }

    public func status() throws -> LedgerStatus {
        try withStatements { try $0.status(backend: "sqlite", location: path, schemaVersion: 1, latest: 1) }
    }
}

extension PostgresLedger: LedgerTransfer {
    /// `body` with the transfer statements on this ledger's connection, under its lock.
    func withStatements<T: Sendable>(_ body: (TransferStatements) throws -> T) throws -> T {
        try database.withLock { db throws -> T in try body(statements(db)) }
    }

    func statements(_ db: PostgresConnection) -> TransferStatements {
        TransferStatements(query: { try db.query($0.numbered, $0.arguments.map(\.postgres)) }, execute: { try db.execute($0) }, begin: "BEGIN")
    }

    public func contents() throws -> LedgerContents {
        try withStatements { try $0.inTransaction { try $0.contents() } }
    }

    public func add(_ contents: LedgerContents) throws -> LedgerImportSummary {
        try withStatements {
            try $0.inTransaction { statements in
                // One import at a time: two imports of overlapping ledgers would otherwise race on the same rows.
                _ = try statements.query("SELECT pg_advisory_xact_lock(?::bigint)", [.integer(Self.migrationLock + 1)])
                return try statements.add(contents)
            }
        }
    }

    public func status() throws -> LedgerStatus {
        try withStatements {
            try $0.inTransaction { statements in
                let version = try statements.count("SELECT coalesce(max(version), 0) FROM schema_migrations")
                var status = try statements.status(backend: "postgresql", location: endpoint, schemaVersion: version,
                                                   latest: Self.migrations.last?.version ?? 0)
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
}
