import CardBatchCore
import CardBatchNative

/// A value bound to a statement that both engines run.
enum LedgerValue {
    case text(String)
    case integer(Int)

    var sqlite: SQLiteValue {
        switch self {
        case .text(let text): .text(text)
        case .integer(let value): .integer(value)
        }
    }

    var postgres: PostgresValue {
        switch self {
        case .text(let text): .text(text)
        case .integer(let value): .integer(value)
        }
    }
}

/// A statement written once for SQLite and PostgreSQL, with `?` placeholders (PostgreSQL gets them
/// numbered, `$1`, `$2` …; the statements hold no `?` inside literals).
struct LedgerStatement {
    let sql: String
    let arguments: [LedgerValue]

    init(_ sql: String, _ arguments: [LedgerValue] = []) {
        self.sql = sql
        self.arguments = arguments
    }

    /// The SQL with PostgreSQL's numbered placeholders.
    var numbered: String {
        var n = 0
        return sql.split(separator: "?", omittingEmptySubsequences: false).enumerated().map { i, part in
            if i == 0 { return String(part) }
            n += 1
            return "$\(n)" + part
        }.joined()
    }
}

/// The journey log's statements, the same on both engines.
enum JourneyStatements {
    static let columns = "claim, original, state, attempts, output_name, received_at, updated_at, outcome, employees, accepted, rejected, rules, destination"
    static let active = "state IN ('received', 'processing')"

    static func journey(_ r: [String?]) -> Journey {
        Journey(claim: r[0] ?? "", original: r[1] ?? "", state: JourneyState(rawValue: r[2] ?? "") ?? .received, attempts: Int(r[3] ?? "") ?? 0,
                outputName: r[4] ?? "", receivedAt: r[5] ?? "", updatedAt: r[6] ?? "", outcome: r[7] ?? "", employees: Int(r[8] ?? "") ?? 0,
                accepted: Int(r[9] ?? "") ?? 0, rejected: Int(r[10] ?? "") ?? 0, rules: r[11] ?? "", destination: r[12] ?? "")
    }

    static func insert(_ j: Journey) -> LedgerStatement {
        LedgerStatement("INSERT INTO journeys (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
            .text(j.claim), .text(j.original), .text(j.state.rawValue), .integer(j.attempts), .text(j.outputName), .text(j.receivedAt),
            .text(j.updatedAt), .text(j.outcome), .integer(j.employees), .integer(j.accepted), .integer(j.rejected), .text(j.rules), .text(j.destination),
        ])
    }

    static func active(claim: String) -> LedgerStatement {
        LedgerStatement("SELECT \(columns) FROM journeys WHERE claim = ? AND \(active) ORDER BY id DESC LIMIT 1", [.text(claim)])
    }

    static func relocate(claim: String, to newClaim: String, at: String) -> LedgerStatement {
        LedgerStatement("UPDATE journeys SET claim = ?, updated_at = ? WHERE claim = ? AND \(active)", [.text(newClaim), .text(at), .text(claim)])
    }

    /// Returns the attempt number (both engines have `RETURNING`: SQLite since 3.35).
    static func startAttempt(claim: String, at: String) -> LedgerStatement {
        LedgerStatement("UPDATE journeys SET state = 'processing', attempts = attempts + 1, updated_at = ? WHERE claim = ? AND \(active) RETURNING attempts",
                        [.text(at), .text(claim)])
    }

    static func finish(_ j: Journey) -> LedgerStatement {
        LedgerStatement("""
            UPDATE journeys SET state = ?, outcome = ?, employees = ?, accepted = ?, rejected = ?, rules = ?, destination = ?, updated_at = ?
            WHERE claim = ? AND \(active)
            """, [.text(j.state.rawValue), .text(j.outcome), .integer(j.employees), .integer(j.accepted), .integer(j.rejected), .text(j.rules),
                  .text(j.destination), .text(j.updatedAt), .text(j.claim)])
    }

    static func since(_ since: String) -> LedgerStatement {
        LedgerStatement("SELECT \(columns) FROM journeys WHERE updated_at >= ? OR received_at >= ? ORDER BY id", [.text(since), .text(since)])
    }

    static let allActive = LedgerStatement("SELECT \(columns) FROM journeys WHERE \(active) ORDER BY id")

    static func attempts(_ rows: [[String?]]) -> Int {
        rows.compactMap { $0[0].flatMap { Int($0) } }.max() ?? 0
    }
}
