public import CardBatchCore
public import CardBatchNative
import Dispatch
public import Foundation

/// The ledger in a PostgreSQL database that several hosts share: the same contract as `SQLiteLedger`,
/// with what one machine could not give.
///
/// - Every process that opens it holds a *session*: a row with its host, pid and a lease that a
///   background heartbeat renews every third of the lease. A bundle's pending reservation and a
///   watcher's claims belong to the session; once its lease has expired (the process died, or lost
///   the database for longer than the lease), any host may recover them. No per-host clean-up.
/// - Accepted employees are unique by identity key (`LedgerSecret.identityKey`) through a unique constraint,
///   so two hosts reserving the same employee at once get one reservation and one conflict naming
///   the other bundle, whichever commits first.
/// - Each call is one short transaction; none stays open while a bundle is processed. Statements,
///   lock waits and idle transactions have timeouts (`PostgresLedger.Settings`).
///
/// One connection, confined behind a mutex, as with SQLite. A lost connection is re-established on
/// the next call; a call that cannot reach the server throws `PostgresError` with `connectionLost`.
public final class PostgresLedger: Ledger {
    let database: Locked<PostgresConnection>
    /// This process's session (its row in `ledger_sessions`).
    public let session: Int
    public let settings: Settings
    /// Where the ledger is, without a password (for logs).
    public let endpoint: String
    /// The schema steps this process applied when it connected (empty when the database was current).
    public let migrationsApplied: [Int]
    /// The secret that keys employees and the history chain; the same file on every host.
    public let secret: LedgerSecret
    let closed = Locked(false)

    public struct Settings: Sendable {
        /// Seconds a session's lease lasts without renewal; claims and pending bundles of a session
        /// whose lease expired are taken over by other hosts.
        public var leaseSeconds: Double
        /// Seconds any one statement may run (`statement_timeout`), and half of it for lock waits.
        public var statementTimeout: Double
        /// Seconds to wait for the server when connecting.
        public var connectTimeout: Int
        public var host: String
        public var pid: Int32

        public init(leaseSeconds: Double = 60, statementTimeout: Double = 15, connectTimeout: Int = 5,
                    host: String = ProcessInfo.processInfo.hostName, pid: Int32 = getpid()) {
            self.leaseSeconds = leaseSeconds
            self.statementTimeout = statementTimeout
            self.connectTimeout = connectTimeout
            self.host = host
            self.pid = pid
        }
    }

    /// Whether a `--ledger` value names a PostgreSQL database rather than an SQLite file.
    public static func isConnectionString(_ value: String) -> Bool {
        value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") || value == "postgres:" || value == "postgresql:"
    }

    /// Connects, applies the schema's migrations (under an advisory lock, so processes starting
    /// together are safe) and opens this process's session. `connection` is a `postgresql://` URI;
    /// `postgresql:` alone takes everything from the `PG*` environment variables and `~/.pgpass`.
    /// A database keyed with another secret is refused (`LedgerKeyMismatch`).
    public init(connection: String, secret: LedgerSecret, settings: Settings = Settings()) throws {
        self.settings = settings
        self.secret = secret
        let milliseconds = Int(settings.statementTimeout * 1000)
        let connectionString = connection == "postgres:" || connection == "postgresql:" ? "" : connection
        let opened = try PostgresConnection(connectionString, defaults: [
            "connect_timeout": String(settings.connectTimeout),
            "application_name": "cardbatch",
            "options": "-c statement_timeout=\(milliseconds) -c lock_timeout=\(milliseconds / 2) -c idle_in_transaction_session_timeout=\(milliseconds * 4) -c client_min_messages=warning",
            // A server that vanishes without closing the connection (a host or network failure) is
            // noticed within about the statement timeout instead of TCP's minutes.
            "keepalives": "1", "keepalives_idle": "5", "keepalives_interval": "2", "keepalives_count": "3",
            "tcp_user_timeout": String(milliseconds),
        ])
        endpoint = opened.endpoint
        migrationsApplied = try Self.migrate(opened, secret: secret)
        session = try Self.openSession(opened, settings: settings)
        database = Locked(opened)
        scheduleHeartbeat()
    }

    /// Ends the session: its row goes (it holds nothing once the process is done) and the heartbeat stops.
    public func close() {
        closed.withLock { $0 = true }
        _ = try? run("DELETE FROM ledger_sessions WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM claims WHERE session_id = $1) AND NOT EXISTS (SELECT 1 FROM bundles WHERE session_id = $1 AND state = 'pending')", [.integer(session)])
    }

    static func openSession(_ db: PostgresConnection, settings: Settings) throws(PostgresError) -> Int {
        // Sessions of processes long gone that hold nothing are of no further use.
        try db.query("""
            DELETE FROM ledger_sessions s WHERE s.lease_expires < now() - interval '1 day'
            AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.session_id = s.id)
            AND NOT EXISTS (SELECT 1 FROM bundles b WHERE b.session_id = s.id AND b.state = 'pending')
            """)
        let row = try db.query("""
            INSERT INTO ledger_sessions (host, pid, lease_expires) VALUES ($1, $2, now() + make_interval(secs => $3::float8)) RETURNING id
            """, [.text(settings.host), .integer(Int(settings.pid)), .text(String(settings.leaseSeconds))])
        guard let id = row.first?[0].flatMap({ Int($0) }) else {
            throw PostgresError(sqlState: "", message: "the server returned no session id", connectionLost: false)
        }
        return id
    }

    /// Renews the session's lease (re-creating its row should it have been removed). Called by the
    /// heartbeat; a failure (the server unreachable) is left to the next beat.
    public func renewLease() throws {
        try run("""
            INSERT INTO ledger_sessions (id, host, pid, lease_expires) VALUES ($1, $2, $3, now() + make_interval(secs => $4::float8))
            ON CONFLICT (id) DO UPDATE SET lease_expires = EXCLUDED.lease_expires
            """, [.integer(session), .text(settings.host), .integer(Int(settings.pid)), .text(String(settings.leaseSeconds))])
    }

    private func scheduleHeartbeat() {
        DispatchQueue.global().asyncAfter(deadline: .now() + settings.leaseSeconds / 3) { [weak self] in
            guard let self, !self.closed.withLock({ $0 }) else { return }
            try? self.renewLease()
            self.scheduleHeartbeat()
        }
    }

    /// Runs one statement under the connection's lock.
    @discardableResult
    func run(_ sql: String, _ arguments: [PostgresValue] = []) throws(PostgresError) -> [[String?]] {
        try database.withLock { db throws(PostgresError) in try db.query(sql, arguments) }
    }

    /// Runs `body` in one transaction under the connection's lock, again (up to three times) when the
    /// server aborted it for a deadlock or a serialization failure.
    func transaction<T: Sendable>(_ body: @Sendable (PostgresConnection) throws(PostgresError) -> T) throws(PostgresError) -> T {
        try database.withLock { db throws(PostgresError) in
            var attempt = 1
            while true {
                do throws(PostgresError) {
                    return try db.transaction { () throws(PostgresError) in try body(db) }
                } catch where error.isRetryable && attempt < 3 {
                    attempt += 1
                }
            }
        }
    }

    static let columns = "sha256, name, output, processed_at, processing_date, outcome"
    /// `columns` of the `bundles` table named `b` in a join.
    static let bundleColumns = columns.split(separator: ",").map { "b." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")

    static func bundle(_ row: [String?]) -> LedgerBundle {
        LedgerBundle(sha256: row[0] ?? "", name: row[1] ?? "", output: row[2] ?? "", processedAt: row[3] ?? "",
                     processingDate: row[4] ?? "", outcome: row[5] ?? "")
    }

    public func recordedBundle(sha256: String) throws -> LedgerBundle? {
        try run("SELECT \(Self.columns) FROM bundles WHERE sha256 = $1 AND state = 'done'", [.text(sha256)]).first.map(Self.bundle)
    }

    public func reserve(_ bundle: LedgerBundle, employees: some Collection<EmployeeIdentity>) throws -> [EmployeeIdentity: LedgerBundle] {
        // One order for every reserver: two bundles holding some of the same employees then wait
        // for each other instead of deadlocking. The keys are sorted as digests (32 bytes an
        // employee); an employee another bundle holds is named by its position, found again after.
        let keyed = IdentityKeys(employees, secret: secret)
        let result = try transaction { db throws(PostgresError) -> Result<[Int: LedgerBundle], LedgerConflict> in
            let inserted = try db.query("""
                INSERT INTO bundles (\(Self.columns), state, session_id) VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7)
                ON CONFLICT (sha256) DO NOTHING RETURNING sha256
                """, [.text(bundle.sha256), .text(bundle.name), .text(bundle.output), .text(bundle.processedAt),
                      .text(bundle.processingDate), .text(bundle.outcome), .integer(session)])
            if inserted.isEmpty {
                let recorded = try db.query("SELECT \(Self.columns), state FROM bundles WHERE sha256 = $1", [.text(bundle.sha256)])
                let earlier = recorded.first.map(Self.bundle) ?? bundle
                return .failure(recorded.first?[6] == "done" ? .bundleAlreadyRecorded(earlier) : .bundlePending(earlier))
            }
            var conflicts: [Int: LedgerBundle] = [:]
            for (digest, position) in keyed.keys {
                // The unique key decides: a concurrent reservation of the same employee waits here
                // for the other transaction, then finds its row.
                let key = digest.hex
                let reserved = try db.query("""
                    INSERT INTO employees (identity_key, bundle_sha256) VALUES ($1, $2) ON CONFLICT (identity_key) DO NOTHING RETURNING 1
                    """, [.text(key), .text(bundle.sha256)])
                if reserved.isEmpty, let holder = try db.query(LedgerStatement(KeyedIdentities.holder).numbered, [.text(key)]).first {
                    conflicts[position] = Self.bundle(holder)
                }
            }
            return .success(conflicts)
        }
        return IdentityKeys.employees(at: try result.get(), in: employees)
    }

    /// Checks, just before a bundle's folder is published, that its reservation is still this
    /// session's and the server still answers; renews the lease on the way. A bundle whose check
    /// fails is not published: its reservation is recovered (by this or another host) and it is
    /// processed again.
    public func confirm(sha256: String) throws {
        try renewLease()
        let held = try run("SELECT 1 FROM bundles WHERE sha256 = $1 AND state = 'pending' AND session_id = $2", [.text(sha256), .integer(session)])
        if held.isEmpty {
            throw PostgresError(sqlState: "", message: "the reservation of bundle \(sha256.prefix(12)) was taken over by another host after this one's lease expired", connectionLost: false)
        }
    }

    public func complete(sha256: String, outcome: String, accepted: some Sequence<EmployeeIdentity>) throws {
        let kept = IdentityKeys(accepted, secret: secret)
        try transaction { db throws(PostgresError) in
            // The keys still accepted go to a temporary table (a thousand a statement), and the
            // server deletes the bundle's other reservations: no row comes back here.
            try db.query("CREATE TEMPORARY TABLE kept_keys (identity_key TEXT PRIMARY KEY) ON COMMIT DROP")
            var start = 0
            while start < kept.keys.count {
                let batch = kept.keys[start..<min(start + 1_000, kept.keys.count)]
                try db.query("INSERT INTO kept_keys SELECT unnest($1::text[]) ON CONFLICT DO NOTHING",
                             [.text("{" + batch.map(\.digest.hex).joined(separator: ",") + "}")])
                start += batch.count
            }
            try db.query("""
                DELETE FROM employees e WHERE e.bundle_sha256 = $1
                AND NOT EXISTS (SELECT 1 FROM kept_keys k WHERE k.identity_key = e.identity_key)
                """, [.text(sha256)])
            try db.query("UPDATE bundles SET state = 'done', outcome = $1, session_id = NULL WHERE sha256 = $2", [.text(outcome), .text(sha256)])
        }
    }

    public func abandon(sha256: String) throws {
        try transaction { db throws(PostgresError) in
            try db.query("DELETE FROM employees WHERE bundle_sha256 = $1 AND EXISTS (SELECT 1 FROM bundles WHERE sha256 = $1 AND state = 'pending')", [.text(sha256)])
            try db.query("DELETE FROM bundles WHERE sha256 = $1 AND state = 'pending'", [.text(sha256)])
        }
    }

    /// Recovers the pending bundles of this session (the caller has none in flight) and of sessions
    /// whose lease expired, whichever host they were on. Each is taken in its own transaction with
    /// its row locked, so two hosts recovering at once never both act on one bundle.
    public func recover(publishedOutcome: (LedgerBundle) -> String?) throws -> (completed: [String], rolledBack: [String]) {
        let pending = try run("""
            SELECT \(Self.bundleColumns), b.session_id
            FROM bundles b LEFT JOIN ledger_sessions s ON s.id = b.session_id
            WHERE b.state = 'pending' AND (b.session_id = $1 OR s.id IS NULL OR s.lease_expires < now())
            ORDER BY b.processed_at
            """, [.integer(session)])
        var completed: [String] = [], rolledBack: [String] = []
        for row in pending {
            let bundle = Self.bundle(row)
            guard let outcome = try resolve(bundle, owner: row[6] ?? "", publishedOutcome: publishedOutcome) else { continue }
            if outcome { completed.append(bundle.name) } else { rolledBack.append(bundle.name) }
        }
        return (completed, rolledBack)
    }

    public func resolvePending(sha256: String, publishedOutcome: (LedgerBundle) -> String?) throws -> Bool {
        let pending = try run("""
            SELECT \(Self.bundleColumns), b.session_id,
                   b.session_id = $2 OR s.lease_expires >= now()
            FROM bundles b LEFT JOIN ledger_sessions s ON s.id = b.session_id
            WHERE b.sha256 = $1 AND b.state = 'pending'
            """, [.text(sha256), .integer(session)])
        guard let row = pending.first else { return true }
        // This session's own reservations, and those of a session whose lease runs, are live.
        if row[7] == "t" { return false }
        _ = try resolve(Self.bundle(row), owner: row[6] ?? "", publishedOutcome: publishedOutcome)
        return try run("SELECT 1 FROM bundles WHERE sha256 = $1 AND state = 'pending'", [.text(sha256)]).isEmpty
    }

    /// Completes a pending bundle whose folder was published and rolls back any other, unless its
    /// session (`owner`) is another one whose lease runs, or another host got there first. Returns
    /// whether it was completed, or nil when it was left alone.
    private func resolve(_ bundle: LedgerBundle, owner: String, publishedOutcome: (LedgerBundle) -> String?) throws -> Bool? {
        let outcome = publishedOutcome(bundle)
        let acted = try transaction { db throws(PostgresError) -> Bool in
            // Two looks, as in `takeOverExpired`: the row locked while still pending under the
            // same session, then, with the lock held, that session checked again in a statement
            // of its own (still expired, or ours).
            let locked = try db.query("""
                SELECT 1 FROM bundles WHERE sha256 = $1 AND state = 'pending' AND session_id IS NOT DISTINCT FROM $2::bigint
                FOR UPDATE SKIP LOCKED
                """, [.text(bundle.sha256), owner.isEmpty ? .null : .text(owner)])
            let holderLive = owner.isEmpty || Int(owner) == session ? false : !(try db.query(
                "SELECT 1 FROM ledger_sessions WHERE id = $1::bigint AND lease_expires >= clock_timestamp()", [.text(owner)]).isEmpty)
            guard !holderLive else { return false }
            guard !locked.isEmpty else { return false }
            if let outcome {
                try db.query("UPDATE bundles SET state = 'done', outcome = $1, session_id = NULL WHERE sha256 = $2", [.text(outcome), .text(bundle.sha256)])
            } else {
                try db.query("DELETE FROM employees WHERE bundle_sha256 = $1", [.text(bundle.sha256)])
                try db.query("DELETE FROM bundles WHERE sha256 = $1", [.text(bundle.sha256)])
            }
            return true
        }
        return acted ? outcome != nil : nil
    }
}
