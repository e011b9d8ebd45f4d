public import CardBatchNative

/// One step of the PostgreSQL ledger's schema. Steps are never edited once released: a change is a
/// new step, so every database reaches the same schema by applying, in order, those it lacks.
public struct LedgerMigration: Sendable {
    public let version: Int
    public let summary: String
    let sql: String
    /// What the step does beyond SQL (keying rows needs the secret, which only the tool holds).
    let transform: (@Sendable (TransferStatements, LedgerSecret) throws -> Void)?

    init(version: Int, summary: String, sql: String, transform: (@Sendable (TransferStatements, LedgerSecret) throws -> Void)? = nil) {
        self.version = version
        self.summary = summary
        self.sql = sql
        self.transform = transform
    }
}

extension PostgresLedger {
    /// Every step, oldest first.
    public static let migrations: [LedgerMigration] = [
        LedgerMigration(version: 1, summary: "bundles, accepted employees, journeys, sessions and claims", sql: """
            CREATE TABLE ledger_sessions (
                id BIGSERIAL PRIMARY KEY,
                host TEXT NOT NULL,
                pid INTEGER NOT NULL,
                started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
                lease_expires TIMESTAMPTZ NOT NULL
            );
            CREATE TABLE bundles (
                sha256 TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                output TEXT NOT NULL,
                processed_at TEXT NOT NULL,
                processing_date TEXT NOT NULL,
                outcome TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('pending', 'done')),
                -- The session holding a pending reservation; NULL once done.
                session_id BIGINT
            );
            CREATE INDEX bundles_pending ON bundles (session_id) WHERE state = 'pending';
            CREATE TABLE employees (
                nationality TEXT NOT NULL,
                passport_number TEXT NOT NULL,
                bundle_sha256 TEXT NOT NULL REFERENCES bundles (sha256),
                record_key TEXT NOT NULL,
                PRIMARY KEY (nationality, passport_number)
            );
            CREATE INDEX employees_by_bundle ON employees (bundle_sha256);
            CREATE TABLE journeys (
                id BIGSERIAL PRIMARY KEY,
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
            CREATE INDEX journeys_by_claim ON journeys (claim, state);
            CREATE INDEX journeys_by_update ON journeys (updated_at);
            CREATE TABLE claims (
                name TEXT PRIMARY KEY,
                session_id BIGINT NOT NULL,
                owner TEXT NOT NULL,
                claimed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
                takeovers INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX claims_by_session ON claims (session_id);
            """),
        LedgerMigration(version: 2, summary: "employees held by an HMAC-SHA256 key of their identity, no longer in clear text", sql: "",
                        transform: { statements, secret in try KeyedIdentities.migrate(statements, secret: secret) }),
        LedgerMigration(version: 3, summary: "the run history, append-only, each entry chained to the one before", sql: HistoryStatements.table + """
            CREATE FUNCTION runs_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'the run history is append-only';
            END $$;
            CREATE TRIGGER runs_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON runs
                FOR EACH STATEMENT EXECUTE FUNCTION runs_append_only();
            """),
    ]

    /// The advisory lock every migrating process takes (an arbitrary constant: "cardbatch" in ASCII).
    static let migrationLock = 0x6361_7264_6261_7463

    /// Applies, in one transaction under the advisory lock, every step the database lacks. Returns
    /// the versions applied (none when it was current). A database newer than this tool is refused.
    @discardableResult
    static func migrate(_ db: PostgresConnection, secret: LedgerSecret) throws -> [Int] {
        try statements(db).inTransaction { _ throws -> [Int] in
            try db.query("SELECT pg_advisory_xact_lock($1::bigint)", [.integer(migrationLock)])
            try db.execute("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER PRIMARY KEY,
                    summary TEXT NOT NULL,
                    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
                )
                """)
            let applied = Set(try db.query("SELECT version FROM schema_migrations").compactMap { $0[0].flatMap { Int($0) } })
            if let newest = applied.max(), newest > (migrations.last?.version ?? 0) {
                throw PostgresError(sqlState: "", message: "the ledger's schema is version \(newest), newer than this cardbatch knows (\(migrations.last?.version ?? 0)): upgrade cardbatch", connectionLost: false)
            }
            var done: [Int] = []
            for step in migrations where !applied.contains(step.version) {
                if !step.sql.isEmpty { try db.execute(step.sql) }
                try step.transform?(statements(db), secret)
                try db.query("INSERT INTO schema_migrations (version, summary) VALUES ($1, $2)", [.integer(step.version), .text(step.summary)])
                done.append(step.version)
            }
            try KeyedIdentities.checkFingerprint(statements(db), secret: secret)
            return done
        }
    }

    /// The versions the database has, oldest first.
    public func appliedMigrations() throws -> [(version: Int, summary: String, appliedAt: String)] {
        try run("SELECT version, summary, applied_at::text FROM schema_migrations ORDER BY version").map {
            (Int($0[0] ?? "") ?? 0, $0[1] ?? "", $0[2] ?? "")
        }
    }
}
