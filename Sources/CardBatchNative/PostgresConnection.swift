import CLibPQ
public import Foundation

/// A failure reported by PostgreSQL or libpq: its SQLSTATE when the server sent one, the message, and
/// whether the connection itself is gone (the server unreachable, or it went away mid-call).
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    /// Five-character SQLSTATE (`23505` unique violation, `57014` statement timeout …), empty when
    /// the failure was the connection's.
    public let sqlState: String
    public let message: String
    /// The connection is down: the call may succeed later, against the same server.
    public let connectionLost: Bool

    public var description: String {
        sqlState.isEmpty ? message : "\(message) (SQLSTATE \(sqlState))"
    }

    public init(sqlState: String, message: String, connectionLost: Bool) {
        self.sqlState = sqlState
        self.message = message
        self.connectionLost = connectionLost
    }

    /// A serialization failure or deadlock: the transaction may be retried as a whole.
    public var isRetryable: Bool { sqlState == "40001" || sqlState == "40P01" }
}

/// A value bound to a statement parameter (sent as text; the server casts it to the column's type).
public enum PostgresValue: Sendable, Equatable {
    case text(String)
    case integer(Int)
    case null
}

/// One libpq connection, owned here and closed in `deinit`. Not shared between threads: callers
/// confine it (the PostgreSQL ledger keeps it behind a mutex).
///
/// Every call checks the connection first and, when it was lost, tries once to re-establish it
/// (`PQreset`), so a server that restarted is used again without the caller's help; a call on a
/// connection that cannot be re-established throws with `connectionLost` set.
public final class PostgresConnection {
    private let handle: OpaquePointer

    /// Opens a connection. `connection` is a `postgresql://` URI or `key=value` string; what it leaves
    /// out comes from the standard `PG*` environment variables, `~/.pgpass` and the service file, as
    /// with psql. `defaults` are used only where neither gives a value (timeouts, the application
    /// name): the caller's own settings win.
    /// - SeeAlso: `PQconnectdbParams`
    public init(_ connection: String, defaults: [String: String] = [:]) throws(PostgresError) {
        // Keywords before `dbname` are overridden by what the expanded connection string holds.
        let ordered = defaults.sorted { $0.key < $1.key }
        let keywords = ordered.map(\.key) + ["dbname"], values = ordered.map(\.value) + [connection]
        let opened: OpaquePointer? = withCStrings(keywords + [nil]) { k in
            withCStrings(values + [nil]) { v in PQconnectdbParams(k, v, 1) }
        }
        guard let opened else { throw PostgresError(sqlState: "", message: "libpq could not allocate a connection", connectionLost: true) }
        guard PQstatus(opened) == CONNECTION_OK else {
            let message = Self.message(PQerrorMessage(opened))
            PQfinish(opened)
            throw PostgresError(sqlState: "", message: message, connectionLost: true)
        }
        handle = opened
    }

    deinit { PQfinish(handle) }

    /// Where the connection goes, without its password: `user@host:port/dbname`.
    public var endpoint: String {
        func text(_ p: UnsafeMutablePointer<CChar>?) -> String { p.map { String(cString: $0) } ?? "" }
        return "\(text(PQuser(handle)))@\(text(PQhost(handle))):\(text(PQport(handle)))/\(text(PQdb(handle)))"
    }

    /// Re-establishes a lost connection; throws when the server still cannot be reached.
    /// - SeeAlso: `PQreset`
    func ensureConnected() throws(PostgresError) {
        guard PQstatus(handle) != CONNECTION_OK else { return }
        PQreset(handle)
        guard PQstatus(handle) == CONNECTION_OK else {
            throw PostgresError(sqlState: "", message: Self.message(PQerrorMessage(handle)), connectionLost: true)
        }
    }

    /// Runs one statement with `arguments` bound to its `$1`, `$2` … parameters and returns every row,
    /// each column as text (nil for NULL).
    /// - SeeAlso: `PQexecParams`, `PQgetvalue`
    @discardableResult
    public func query(_ sql: String, _ arguments: [PostgresValue] = []) throws(PostgresError) -> [[String?]] {
        try ensureConnected()
        let texts: [String?] = arguments.map {
            switch $0 {
            case .text(let text): text
            case .integer(let value): String(value)
            case .null: nil
            }
        }
        // A NUL in a parameter would cut it short in C; the server would see another value.
        if texts.contains(where: { $0?.utf8.contains(0) == true }) {
            throw PostgresError(sqlState: "22021", message: "a parameter holds a NUL character", connectionLost: false)
        }
        guard texts.count <= Int(Int32.max) else { throw PostgresError(sqlState: "54000", message: "too many parameters", connectionLost: false) }
        let result: OpaquePointer? = withCStrings(texts) { values in
            PQexecParams(handle, sql, Int32(texts.count), nil, texts.isEmpty ? nil : values, nil, nil, 0)
        }
        defer { PQclear(result) }
        guard let result else { throw lost() }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            return []
        case PGRES_TUPLES_OK:
            let rows = Int(PQntuples(result)), columns = Int(PQnfields(result))
            var table: [[String?]] = []
            table.reserveCapacity(rows)
            for row in 0..<rows {
                table.append((0..<columns).map { column in
                    PQgetisnull(result, Int32(row), Int32(column)) == 1
                        ? nil : String(cString: PQgetvalue(result, Int32(row), Int32(column)))
                })
            }
            return table
        default:
            throw failure(result)
        }
    }

    /// Runs statements that return no rows (no parameters: the simple query protocol, so several
    /// statements may be given at once).
    /// - SeeAlso: `PQexec`
    public func execute(_ sql: String) throws(PostgresError) {
        try ensureConnected()
        guard let result = PQexec(handle, sql) else { throw lost() }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY else { throw failure(result) }
    }

    /// Runs `body` in one transaction, committed when it returns and rolled back when it throws.
    public func transaction<T>(_ body: () throws(PostgresError) -> T) throws(PostgresError) -> T {
        try execute("BEGIN")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            if PQstatus(handle) == CONNECTION_OK { try? execute("ROLLBACK") }
            throw error
        }
    }

    /// The error of a failed statement: its SQLSTATE and primary message. A failure without a
    /// SQLSTATE (libpq's own: the server closed the connection), a connection-class state (`08…`),
    /// an operator intervention (`57P…`: shut down, crashed), or a connection no longer OK is the
    /// connection's.
    private func failure(_ result: OpaquePointer) -> PostgresError {
        let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? ""
        let message = PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) } ?? Self.message(PQresultErrorMessage(result))
        let lost = PQstatus(handle) != CONNECTION_OK || state.isEmpty || state.hasPrefix("08") || state.hasPrefix("57P")
        return PostgresError(sqlState: state, message: message.isEmpty ? Self.message(PQerrorMessage(handle)) : message, connectionLost: lost)
    }

    private func lost() -> PostgresError {
        PostgresError(sqlState: "", message: Self.message(PQerrorMessage(handle)), connectionLost: PQstatus(handle) != CONNECTION_OK)
    }

    /// libpq's messages end with a newline and may span lines; logs want one line.
    static func message(_ text: UnsafeMutablePointer<CChar>?) -> String {
        let raw = text.map { String(cString: $0) } ?? "unknown libpq error"
        return raw.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}

/// Calls `body` with an array of C strings (`const char *const *`, a NULL for each nil) that live for
/// the call. The array is never empty (a NULL is added to an empty one), so its address is valid.
private func withCStrings<R>(_ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    let copies: [UnsafeMutablePointer<CChar>?] = (strings.isEmpty ? [nil] : strings).map { $0.map { strdup($0) } ?? nil }
    defer { copies.forEach { free($0) } }
    let pointers = copies.map { UnsafePointer($0) }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}
