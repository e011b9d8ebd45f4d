import CardBatchCore

/// Employees held by key: the statements both engines share to move a ledger from clear-text
/// identities to keyed ones (schema step 2), and to tie a ledger to its secret.
enum KeyedIdentities {
    /// The bundle holding an employee's key (one `?`: the key).
    static let holder = """
        SELECT b.sha256, b.name, b.output, b.processed_at, b.processing_date, b.outcome
        FROM employees e JOIN bundles b ON b.sha256 = e.bundle_sha256 WHERE e.identity_key = ?
        """

    /// Replaces the clear-text `employees` table by one keyed under `secret`, inside the caller's
    /// transaction: every row's key computed here (the engines have no HMAC of their own), the old
    /// table dropped. Two rows that differ only in case or spacing become one key, the first kept.
    static func migrate(_ statements: TransferStatements, secret: LedgerSecret) throws {
        try statements.execute("""
            CREATE TABLE employee_keys (
                identity_key TEXT PRIMARY KEY,
                bundle_sha256 TEXT NOT NULL REFERENCES bundles (sha256)
            )
            """)
        for row in try statements.query("SELECT nationality, passport_number, bundle_sha256 FROM employees ORDER BY bundle_sha256, nationality, passport_number", []) {
            let key = secret.identityKey(nationality: row[0] ?? "", passportNumber: row[1] ?? "")
            _ = try statements.query("INSERT INTO employee_keys (identity_key, bundle_sha256) VALUES (?, ?) ON CONFLICT (identity_key) DO NOTHING",
                                     [.text(key), .text(row[2] ?? "")])
        }
        try statements.execute("DROP TABLE employees")
        try statements.execute("ALTER TABLE employee_keys RENAME TO employees")
        try statements.execute("CREATE INDEX employees_by_bundle ON employees (bundle_sha256)")
        try statements.execute("CREATE TABLE ledger_keys (fingerprint TEXT NOT NULL)")
    }

    /// Records the secret's fingerprint in a ledger that has none; refuses a secret whose fingerprint
    /// differs from the one recorded.
    static func checkFingerprint(_ statements: TransferStatements, secret: LedgerSecret) throws {
        if let recorded = try statements.query("SELECT fingerprint FROM ledger_keys", []).first?[0] {
            guard recorded == secret.fingerprint else { throw LedgerKeyMismatch(expected: recorded, given: secret) }
        } else {
            _ = try statements.query("INSERT INTO ledger_keys (fingerprint) VALUES (?)", [.text(secret.fingerprint)])
        }
    }
}
