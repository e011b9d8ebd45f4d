public import CardBatchCore
public import CardBatchNative
import Foundation

/// The ledger in an embedded SQLite file (WAL journal, full sync). One connection, confined behind
/// a mutex: every call is one transaction, so concurrent bundles of a batch see each other's
/// reservations. Other processes on the same file are serialised by SQLite's own locking.
public final class SQLiteLedger: Ledger {
    let database: Locked<SQLiteDatabase>
    public let path: String

    static let schema = """
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

    /// Opens or creates the ledger at `path` (created owner-only: it holds passport numbers).
    public init(path: String) throws(SQLiteError) {
        self.path = path
        let db = try SQLiteDatabase(path: path)
        try db.useWriteAheadLog()
        try db.execute("PRAGMA synchronous = FULL; PRAGMA cache_size = -512;")
        // One write transaction, taken up front: a second connection creating the same tables waits
        // for it through the busy handler instead of failing mid-way.
        try db.transaction { () throws(SQLiteError) in
            try db.execute(Self.schema)
            try db.execute(Self.journeySchema)
        }
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
            try db.query("SELECT \(Self.columns) FROM bundles WHERE sha256 = ?", [.text(sha256)]).first.map(Self.bundle)
        }
    }

    public func reserve(_ bundle: LedgerBundle, employees: [EmployeeIdentity]) throws -> [EmployeeIdentity: LedgerBundle] {
        let result = try database.withLock { db throws(SQLiteError) in
            try db.transaction { () throws(SQLiteError) -> Result<[EmployeeIdentity: LedgerBundle], LedgerConflict> in
                if let recorded = try db.query("SELECT \(Self.columns) FROM bundles WHERE sha256 = ?", [.text(bundle.sha256)]).first {
                    return .failure(.bundleAlreadyRecorded(Self.bundle(recorded)))
                }
                try db.query("INSERT INTO bundles (\(Self.columns), state, pid) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)",
                             [.text(bundle.sha256), .text(bundle.name), .text(bundle.output), .text(bundle.processedAt),
                              .text(bundle.processingDate), .text(bundle.outcome), .integer(Int(getpid()))])
                var conflicts: [EmployeeIdentity: LedgerBundle] = [:]
                for employee in employees {
                    let holder = try db.query("""
                        SELECT \(Self.columns.split(separator: ",").map { "b." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", "))
                        FROM employees e JOIN bundles b ON b.sha256 = e.bundle_sha256
                        WHERE e.nationality = ? AND e.passport_number = ?
                        """, [.text(employee.nationality), .text(employee.passportNumber)]).first
                    if let holder {
                        conflicts[employee] = Self.bundle(holder)
                        continue
                    }
                    try db.query("INSERT INTO employees (nationality, passport_number, bundle_sha256, record_key) VALUES (?, ?, ?, ?)",
                                 [.text(employee.nationality), .text(employee.passportNumber), .text(bundle.sha256), .text(employee.recordKey)])
                }
                return .success(conflicts)
            }
        }
        return try result.get()
    }

    public func complete(sha256: String, outcome: String, accepted: Set<EmployeeIdentity>) throws {
        try database.withLock { db throws(SQLiteError) in
            try db.transaction { () throws(SQLiteError) in
                let reserved = try db.query("SELECT nationality, passport_number, record_key FROM employees WHERE bundle_sha256 = ?", [.text(sha256)])
                for row in reserved {
                    let identity = EmployeeIdentity(nationality: row[0] ?? "", passportNumber: row[1] ?? "", recordKey: row[2] ?? "")
                    if !accepted.contains(identity) {
                        try db.query("DELETE FROM employees WHERE nationality = ? AND passport_number = ?", [.text(identity.nationality), .text(identity.passportNumber)])
                    }
                }
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
            if let outcome = publishedOutcome(bundle) {
                _ = try database.withLock { db throws(SQLiteError) in
                    try db.query("UPDATE bundles SET state = 'done', outcome = ? WHERE sha256 = ?", [.text(outcome), .text(bundle.sha256)])
                }
                completed.append(bundle.name)
            } else {
                try abandon(sha256: bundle.sha256)
                rolledBack.append(bundle.name)
            }
        }
        return (completed, rolledBack)
    }
}
