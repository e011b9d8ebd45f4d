import CSQLite
public import Foundation

/// A failure reported by SQLite, with its result code and message kept.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    public let code: Int32
    public let message: String
    public let sql: String?
    public var description: String { sql.map { "\(message) (SQLite \(code), in: \($0))" } ?? "\(message) (SQLite \(code))" }
}

/// SQLite's SQLITE_TRANSIENT destructor (a C macro Swift cannot import): tells SQLite to copy bound
/// text before the call returns, so Swift may free its buffer.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// One SQLite connection, owned here and closed in `deinit`. Not shared between threads: callers
/// confine it (the ledger keeps it behind a mutex).
public final class SQLiteDatabase {
    private var handle: OpaquePointer?

    /// Opens (creating if needed) the database at `path`; a new file is created with `mode`.
    /// - SeeAlso: `sqlite3_open_v2`, `sqlite3_busy_timeout`
    public init(path: String, mode: mode_t = 0o600) throws(SQLiteError) {
        if !FileManager.default.fileExists(atPath: path) {
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            if fd >= 0 { fchmod(fd, mode); close(fd) }
        }
        let status = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil)
        guard status == SQLITE_OK else {
            let error = SQLiteError(code: status, message: handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open \(path)", sql: nil)
            sqlite3_close(handle)
            throw error
        }
        sqlite3_busy_timeout(handle, Int32(Self.busyTimeout * 1_000))
    }

    /// How long a call waits for another connection's lock before failing, in seconds.
    static let busyTimeout = 30.0

    /// Switches the file to write-ahead logging (a no-op when it already is). The switch needs an
    /// exclusive lock, and while other connections open the same fresh file SQLite answers
    /// SQLITE_BUSY without consulting the busy handler; so the switch is retried, within the busy
    /// timeout.
    public func useWriteAheadLog() throws(SQLiteError) {
        let deadline = Date().addingTimeInterval(Self.busyTimeout)
        while true {
            do {
                try execute("PRAGMA journal_mode = WAL")
                return
            } catch where error.code & 0xff == SQLITE_BUSY && Date() < deadline {
                usleep(10_000)
            }
        }
    }

    deinit { sqlite3_close(handle) }

    /// The error choke point: SQLite's code and message for the last call on this connection.
    func check(_ status: Int32, _ sql: String? = nil) throws(SQLiteError) {
        guard status != SQLITE_OK && status != SQLITE_DONE && status != SQLITE_ROW else { return }
        throw SQLiteError(code: status, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }

    /// Runs statements that return no rows.
    /// - SeeAlso: `sqlite3_exec`
    public func execute(_ sql: String) throws(SQLiteError) {
        try check(sqlite3_exec(handle, sql, nil, nil, nil), sql)
    }

    /// Runs one statement with `arguments` bound to its `?` parameters and returns every row, each
    /// column as text (nil for NULL).
    /// - SeeAlso: `sqlite3_prepare_v2`, `sqlite3_bind_text`, `sqlite3_step`, `sqlite3_column_text`
    @discardableResult
    public func query(_ sql: String, _ arguments: [SQLiteValue] = []) throws(SQLiteError) -> [[String?]] {
        var rows: [[String?]] = []
        try forEachRow(sql, arguments) { rows.append($0) }
        return rows
    }

    /// Runs one statement like `query`, handing each row to `body` as it is stepped to instead of
    /// collecting them (a bundle's 100,000 reserved keys are never all in memory).
    public func forEachRow(_ sql: String, _ arguments: [SQLiteValue] = [], _ body: ([String?]) throws(SQLiteError) -> Void) throws(SQLiteError) {
        var statement: OpaquePointer?
        try check(sqlite3_prepare_v2(handle, sql, -1, &statement, nil), sql)
        defer { sqlite3_finalize(statement) }
        for (i, argument) in arguments.enumerated() {
            let index = Int32(i + 1)
            switch argument {
            case .text(let text): try check(sqlite3_bind_text(statement, index, text, -1, transient), sql)
            case .integer(let value): try check(sqlite3_bind_int64(statement, index, Int64(value)), sql)
            case .null: try check(sqlite3_bind_null(statement, index), sql)
            }
        }
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else { return try check(status, sql) }
            try body((0..<sqlite3_column_count(statement)).map { column in
                sqlite3_column_text(statement, column).map { String(cString: $0) }
            })
        }
    }

    /// Runs `body` in one transaction (BEGIN IMMEDIATE … COMMIT), rolled back if it throws.
    public func transaction<T>(_ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }
}

/// A value bound to a statement parameter.
public enum SQLiteValue: Sendable {
    case text(String)
    case integer(Int)
    case null
}
