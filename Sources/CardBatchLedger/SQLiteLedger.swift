public import CardBatchCore
public import CardBatchNative
import Foundation

/// The ledger in an embedded SQLite file (WAL journal, full sync). One connection, confined behind
/// a mutex: every call is one transaction, so concurrent bundles of a batch see each other's
/// reservations. Other processes on the same file are serialised by SQLite's own locking.
public final class SQLiteLedger: Ledger {
    let database: Locked<SQLiteDatabase>
    public let path: String
    /// The secret that keys employees and the history chain.
    public let secret: LedgerSecret
    /// The schema steps this open applied (empty when the file was current).
    public let migrationsApplied: [Int]

    /// The schema version this cardbatch writes (`PRAGMA user_version`; a file from before versions
    /// reads 0 and is version 1). The steps match PostgreSQL's migrations.
    public static let schemaVersion = 3

    /// Version 1: bundles and employees by clear-text nationality and passport number.
    static let schemaVersion1 = """
    CREATE TABLE IF NOT EXISTS bundles (
        sha256 TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        output TEXT NOT NULL,
        processed_at TEXT NOT NULL,
        processing_date TEXT NOT NULL,
        outcome TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'done')),
        pid INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS employees (
        nationality TEXT NOT NULL,
        passport_number TEXT NOT NULL,
        bundle_sha256 TEXT NOT NULL REFERENCES bundles (sha256),
        record_key TEXT NOT NULL,
        PRIMARY KEY (nationality, passport_number)
    );
    CREATE INDEX IF NOT EXISTS employees_by_bundle ON employees (bundle_sha256);
    """

    /// Version 3: the history's triggers (the table itself is `HistoryStatements.table`).
    static let historyTriggers = """
    CREATE TRIGGER runs_no_update BEFORE UPDATE ON runs BEGIN SELECT RAISE(ABORT, 'the run history is append-only'); END;
    CREATE TRIGGER runs_no_delete BEFORE DELETE ON runs BEGIN SELECT RAISE(ABORT, 'the run history is append-only'); END;
    """

    /// Opens or creates the ledger at `path` (created owner-only), bringing its schema to the current
    /// version in one transaction: a file of an earlier version is migrated in place, its clear-text
    /// passport numbers replaced by keys under `secret`, and the freed pages zeroed and vacuumed away.
    /// A ledger keyed with another secret is refused (`LedgerKeyMismatch`).
    public init(path: String, secret: LedgerSecret) throws {
        self.path = path
        self.secret = secret
        let db = try SQLiteDatabase(path: path)
        try db.useWriteAheadLog()
        // secure_delete: deleted rows' bytes are overwritten, so a clear-text row dropped by the
        // migration leaves nothing in free pages.
        try db.execute("PRAGMA synchronous = FULL; PRAGMA cache_size = -512; PRAGMA secure_delete = ON;")
        let statements = Self.statements(db)
        // One write transaction, taken up front: a second connection migrating the same file waits
        // for it through the busy handler, then finds the file current.
        let applied = try statements.inTransaction { statements -> [Int] in
            let version = max(1, try statements.count("PRAGMA user_version"))
            guard version <= Self.schemaVersion else {
                throw LedgerFormatError(description: "\(path) has schema version \(version), newer than this cardbatch knows (\(Self.schemaVersion)): upgrade cardbatch")
            }
            var applied: [Int] = []
            if version < 2 {
                try statements.execute(Self.schemaVersion1)
                try statements.execute(Self.journeySchema)
                try KeyedIdentities.migrate(statements, secret: secret)
                applied.append(2)
            }
            if version < 3 {
                try statements.execute(HistoryStatements.table + Self.historyTriggers)
                applied.append(3)
            }
            try KeyedIdentities.checkFingerprint(statements, secret: secret)
            try statements.execute("PRAGMA user_version = \(Self.schemaVersion)")
            return applied
        }
        if applied.contains(2) {
            // Nothing of the clear-text table is left in the file or its log.
            try db.execute("VACUUM")
            try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        migrationsApplied = applied
        database = Locked(db)
    }

    /// Runs one statement under the connection's lock.
    @discardableResult
    func run(_ sql: String, _ arguments: [SQLiteValue] = []) throws(SQLiteError) -> [[String?]] {
        try database.withLock { db throws(SQLiteError) in try db.query(sql, arguments) }
    }

    static let columns = "sha256, name, output, processed_at, processing_date, outcome"

    static func bundle(_ row: [String?]) -> LedgerBundle {
        LedgerBundle(sha256: row[0] ?? "", name: row[1] ?? "", output: row[2] ?? "", processedAt: row[3] ?? "",
                     processingDate: row[4] ?? "", outcome: row[5] ?? "")
    }

    public func recordedBundle(sha256: String) throws -> LedgerBundle? {
        try database.withLock { db throws(SQLiteError) in
            try db.query("SELECT \(Self.columns) FROM bundles WHERE sha256 = ? AND state = 'done'", [.text(sha256)]).first.map(Self.bundle)
        }
    }

    public func reserve(_ bundle: LedgerBundle, employees: some Collection<EmployeeIdentity>) throws -> [EmployeeIdentity: LedgerBundle] {
        let keyed = IdentityKeys(employees, secret: secret)
        let result = try database.withLock { db throws(SQLiteError) in
            try db.transaction { () throws(SQLiteError) -> Result<[Int: LedgerBundle], LedgerConflict> in
                if let recorded = try db.query("SELECT \(Self.columns), state FROM bundles WHERE sha256 = ?", [.text(bundle.sha256)]).first {
                    return .failure(recorded[6] == "pending" ? .bundlePending(Self.bundle(recorded)) : .bundleAlreadyRecorded(Self.bundle(recorded)))
                }
                try db.query("INSERT INTO bundles (\(Self.columns), state, pid) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)",
                             [.text(bundle.sha256), .text(bundle.name), .text(bundle.output), .text(bundle.processedAt),
                              .text(bundle.processingDate), .text(bundle.outcome), .integer(Int(getpid()))])
                var held: [Int: LedgerBundle] = [:]
                for (digest, position) in keyed.keys {
                    let key = digest.hex
                    if let holder = try db.query(KeyedIdentities.holder, [.text(key)]).first {
                        held[position] = Self.bundle(holder)
                        continue
                    }
                    try db.query("INSERT INTO employees (identity_key, bundle_sha256) VALUES (?, ?)", [.text(key), .text(bundle.sha256)])
                }
                return .success(held)
            }
        }
        return IdentityKeys.employees(at: try result.get(), in: employees)
    }

    public func complete(sha256: String, outcome: String, accepted: some Sequence<EmployeeIdentity>) throws {
        let kept = IdentityKeys(accepted, secret: secret)
        try database.withLock { db throws(SQLiteError) in
            try db.transaction { () throws(SQLiteError) in
                // The bundle's reserved keys are read one row at a time; those no longer accepted
                // (normally none) are deleted after.
                var withdrawn: [String] = []
                try db.forEachRow("SELECT identity_key FROM employees WHERE bundle_sha256 = ?", [.text(sha256)]) { row in
                    if let key = row[0], !kept.contains(hex: key) { withdrawn.append(key) }
                }
                for key in withdrawn { try db.query("DELETE FROM employees WHERE identity_key = ?", [.text(key)]) }
                try db.query("UPDATE bundles SET state = 'done', outcome = ? WHERE sha256 = ?", [.text(outcome), .text(sha256)])
            }
        }
    }

    public func abandon(sha256: String) throws {
        try database.withLock { db throws(SQLiteError) in
            try db.transaction { () throws(SQLiteError) in
                try db.query("DELETE FROM employees WHERE bundle_sha256 = ?", [.text(sha256)])
                try db.query("DELETE FROM bundles WHERE sha256 = ? AND state = 'pending'", [.text(sha256)])
            }
        }
    }

    public func recover(publishedOutcome: (LedgerBundle) -> String?) throws -> (completed: [String], rolledBack: [String]) {
        let pending = try database.withLock { db throws(SQLiteError) in
            try db.query("SELECT \(Self.columns), pid FROM bundles WHERE state = 'pending'")
        }
        var completed: [String] = [], rolledBack: [String] = []
        for row in pending {
            let bundle = Self.bundle(row)
            let pid = Int32(row[6] ?? "") ?? 0
            // A run still in progress (another process) keeps its reservations.
            if pid != getpid() && pid > 0 && kill(pid, 0) == 0 { continue }
            if try resolve(bundle, publishedOutcome: publishedOutcome) { completed.append(bundle.name) } else { rolledBack.append(bundle.name) }
        }
        return (completed, rolledBack)
    }

    public func resolvePending(sha256: String, publishedOutcome: (LedgerBundle) -> String?) throws -> Bool {
        let pending = try database.withLock { db throws(SQLiteError) in
            try db.query("SELECT \(Self.columns), pid FROM bundles WHERE sha256 = ? AND state = 'pending'", [.text(sha256)])
        }
        guard let row = pending.first else { return true }
        let pid = Int32(row[6] ?? "") ?? 0
        // This process's own reservations and those of another process still running are live.
        if pid == getpid() || (pid > 0 && kill(pid, 0) == 0) { return false }
        _ = try resolve(Self.bundle(row), publishedOutcome: publishedOutcome)
        return true
    }

    /// Completes a pending bundle whose folder was published, rolls back any other. Returns whether
    /// it was completed.
    private func resolve(_ bundle: LedgerBundle, publishedOutcome: (LedgerBundle) -> String?) throws -> Bool {
        guard let outcome = publishedOutcome(bundle) else {
            try abandon(sha256: bundle.sha256)
            return false
        }
        _ = try database.withLock { db throws(SQLiteError) in
            try db.query("UPDATE bundles SET state = 'done', outcome = ? WHERE sha256 = ? AND state = 'pending'", [.text(outcome), .text(bundle.sha256)])
        }
        return true
    }
}
