import ArgumentParser
import CardBatchCore
import CardBatchLedger
import CardBatchNative
import Foundation

/// Where the ledger is, shared by `process`, `watch` and `ledger`: an SQLite file (the default, one
/// machine) or a PostgreSQL database that several hosts share.
struct LedgerOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("""
        The ledger: an SQLite file (process, watch and purge default to DIR/cardbatch-ledger.sqlite; precheck records its run only when given one), or a PostgreSQL database shared by \
        several hosts, as postgresql://[user@]host[:port]/dbname (postgresql: alone reads PGHOST, PGDATABASE … \
        and ~/.pgpass). Never put a password here: use ~/.pgpass or PGPASSWORD.
        """, valueName: "path-or-url"))
    var ledger: String?

    @Option(name: .long, help: ArgumentHelp("""
        The ledger's secret, which keys employees and the run history (default: $CARDBATCH_LEDGER_SECRET, else beside an \
        SQLite ledger as NAME.secret, made on first use). A shared ledger needs the same file on every host. Never logged.
        """, valueName: "file"))
    var secret: String?

    @Option(name: .long, help: ArgumentHelp("This host's name in a shared ledger's claims and sessions (default: the host name).", valueName: "name"))
    var hostId: String?

    @Option(name: .long, help: "Shared ledger: seconds a process's lease lasts without renewal; a dead watcher's bundles are taken over after it.")
    var lease: Double = 60

    @Option(name: .long, help: "Shared ledger: seconds any one database statement may run, and to connect.")
    var dbTimeout: Double = 15

    func validate() throws {
        guard lease >= 1, dbTimeout > 0 else { throw ValidationError("--lease must be at least 1 second and --db-timeout positive") }
        if let hostId, hostId.isEmpty || hostId.contains("/") || hostId.contains("@") {
            throw ValidationError("--host-id \"\(hostId)\" must be a non-empty name without / or @")
        }
        if let ledger, PostgresLedger.isConnectionString(ledger), Self.holdsPassword(ledger) {
            throw ValidationError("--ledger holds a password, which would show in the process list and shell history: put it in ~/.pgpass (or PGPASSWORD) and leave it out of the URL")
        }
    }

    /// `user:secret@` before the host, or a `password=` parameter.
    static func holdsPassword(_ url: String) -> Bool {
        let rest = url.drop { $0 != "/" }.dropFirst(2)
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        if let at = authority.lastIndex(of: "@"), authority[..<at].contains(":") { return true }
        return url.lowercased().contains("password=")
    }

    var isShared: Bool { ledger.map(PostgresLedger.isConnectionString) ?? false }

    /// The host identity: `--host-id`, else the machine's name.
    var host: String { hostId ?? ProcessInfo.processInfo.hostName }

    /// The owner name of this process's claim folder (`<host>-<pid>`).
    var owner: String { "\(host)-\(getpid())" }

    /// What to print of the ledger's location in messages: a path, or the database without secrets.
    func describe(directory: String) -> String {
        guard let ledger else { return "\(directory)/cardbatch-ledger.sqlite" }
        return isShared ? "the PostgreSQL ledger" : ledger
    }

    /// The SQLite file or connection string in use.
    func location(directory: String) -> String { ledger ?? "\(directory)/cardbatch-ledger.sqlite" }

    /// Where the secret is: --secret, else $CARDBATCH_LEDGER_SECRET, else beside an SQLite ledger
    /// (`cardbatch-ledger.sqlite` → `cardbatch-ledger.secret`). A shared ledger has no default: every
    /// host must name the same secret.
    func secretPath(directory: String) throws -> String {
        if let secret { return secret }
        if let variable = ProcessInfo.processInfo.environment["CARDBATCH_LEDGER_SECRET"], !variable.isEmpty { return variable }
        let value = location(directory: directory)
        guard !PostgresLedger.isConnectionString(value) else {
            throw LedgerSecretError(path: "(none given)", problem: "is needed for a shared ledger: give every host the same file with --secret FILE or CARDBATCH_LEDGER_SECRET (make it once with `cardbatch ledger init-secret --secret FILE`)")
        }
        return value.hasSuffix(".sqlite") ? String(value.dropLast(".sqlite".count)) + ".secret" : value + ".secret"
    }

    /// The secret, made beside an SQLite ledger that has never been keyed (a new one, or one of
    /// before keyed identities, which opening then migrates). A ledger already keyed whose secret
    /// is gone is refused: a new secret would miss every earlier employee.
    func loadSecret(directory: String) throws -> LedgerSecret {
        let path = try secretPath(directory: directory)
        let loaded = Result { () throws(LedgerSecretError) in try LedgerSecret.load(path: path) }
        if case .failure(let error) = loaded, error.missing, !isShared, secret == nil, ProcessInfo.processInfo.environment["CARDBATCH_LEDGER_SECRET"] == nil, !Self.isKeyed(sqlite: location(directory: directory)) {
            let created = try LedgerSecret.create(path: path)
            StandardError.print("cardbatch: created the ledger secret \(path) (fingerprint \(created.fingerprint)): back it up with the ledger; without it earlier employees are not recognised and the history cannot be verified")
            return created
        }
        return try loaded.get()
    }

    /// Whether an SQLite ledger file exists and is already keyed (schema version 2 or later).
    static func isKeyed(sqlite path: String) -> Bool {
        guard FileManager.default.fileExists(atPath: path), let db = try? SQLiteDatabase(path: path) else { return false }
        let version = (try? db.query("PRAGMA user_version"))?.first?[0] ?? nil
        return (version.flatMap { Int($0) } ?? 0) >= 2
    }

    /// Opens the ledger: the SQLite file (its folder created owner-only), or a connection to the
    /// shared database with its schema migrated and this process's session opened.
    func open(directory: String) throws -> any StoredLedger {
        let value = location(directory: directory)
        if !PostgresLedger.isConnectionString(value) {
            try FileManager.default.createDirectory(atPath: (value as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
        let key = try loadSecret(directory: directory)
        if PostgresLedger.isConnectionString(value) {
            return try PostgresLedger(connection: value, secret: key, settings: .init(
                leaseSeconds: lease, statementTimeout: dbTimeout, connectTimeout: max(1, Int(dbTimeout.rounded(.up))), host: host))
        }
        return try SQLiteLedger(path: value, secret: key)
    }
}

extension PostgresLedger {
    /// Ends this process's session when the ledger is a shared one (a no-op for SQLite).
    static func close(_ ledger: (any Ledger)?) {
        (ledger as? PostgresLedger)?.close()
    }
}
