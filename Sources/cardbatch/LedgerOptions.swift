import ArgumentParser
import CardBatchCore
import CardBatchLedger
import Foundation

/// Where the ledger is, shared by `process`, `watch` and `ledger`: an SQLite file (the default, one
/// machine) or a PostgreSQL database that several hosts share.
struct LedgerOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("""
        The ledger: an SQLite file (default: DIR/cardbatch-ledger.sqlite), or a PostgreSQL database shared by \
        several hosts, as postgresql://[user@]host[:port]/dbname (postgresql: alone reads PGHOST, PGDATABASE … \
        and ~/.pgpass). Never put a password here: use ~/.pgpass or PGPASSWORD.
        """, valueName: "path-or-url"))
    var ledger: String?

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

    /// Opens the ledger: the SQLite file (its folder created owner-only), or a connection to the
    /// shared database with its schema migrated and this process's session opened.
    func open(directory: String) throws -> any Ledger & JourneyLog & LedgerTransfer {
        let value = ledger ?? "\(directory)/cardbatch-ledger.sqlite"
        if PostgresLedger.isConnectionString(value) {
            return try PostgresLedger(connection: value, settings: .init(
                leaseSeconds: lease, statementTimeout: dbTimeout, connectTimeout: max(1, Int(dbTimeout.rounded(.up))), host: host))
        }
        try FileManager.default.createDirectory(atPath: (value as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        return try SQLiteLedger(path: value)
    }
}

extension PostgresLedger {
    /// Ends this process's session when the ledger is a shared one (a no-op for SQLite).
    static func close(_ ledger: (any Ledger)?) {
        (ledger as? PostgresLedger)?.close()
    }
}
