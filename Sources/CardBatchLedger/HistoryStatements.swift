import CardBatchCore
import Foundation

/// The run history's table and statements, the same on both engines. An entry's digest is the
/// secret's HMAC over its sequence number, the previous entry's digest and its canonical text; so an
/// entry edited, removed or inserted out of turn breaks the chain at that point, and without the
/// secret no one can write a chain that verifies.
enum HistoryStatements {
    /// Schema step 3. `at` and `kind` repeat the entry's own fields, for `--since`; the digest covers
    /// the entry's text, and verification checks the columns agree with it.
    static let table = """
        CREATE TABLE runs (
            seq BIGINT PRIMARY KEY,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            entry TEXT NOT NULL,
            previous TEXT NOT NULL,
            digest TEXT NOT NULL
        );
        CREATE INDEX runs_by_time ON runs (at);
        """

    static func digest(_ secret: LedgerSecret, sequence: Int, previous: String, text: String) -> String {
        secret.chainDigest(previous: previous, entry: "\(sequence)\u{0}\(text)")
    }

    /// Appends after the head, inside the caller's transaction (which must keep other appenders out).
    static func append(_ run: RunRecord, secret: LedgerSecret, in statements: TransferStatements) throws -> HistoryEntry {
        let head = try statements.query("SELECT seq, digest FROM runs ORDER BY seq DESC LIMIT 1", []).first
        let sequence = (Int(head?[0] ?? "") ?? 0) + 1
        let previous = head?[1] ?? ""
        let text = try run.canonicalText()
        let digest = digest(secret, sequence: sequence, previous: previous, text: text)
        _ = try statements.query("INSERT INTO runs (seq, at, kind, entry, previous, digest) VALUES (?, ?, ?, ?, ?, ?)",
                                 [.integer(sequence), .text(run.at), .text(run.kind.rawValue), .text(text), .text(previous), .text(digest)])
        return HistoryEntry(sequence: sequence, run: run, previous: previous, digest: digest)
    }

    static func entries(since: String?, in statements: TransferStatements) throws -> [HistoryEntry] {
        let rows = try statements.query("SELECT seq, entry, previous, digest FROM runs WHERE at >= ? ORDER BY seq", [.text(since ?? "")])
        return try rows.map { row in
            let run = try JSONDecoder().decode(RunRecord.self, from: Data((row[1] ?? "").utf8))
            return HistoryEntry(sequence: Int(row[0] ?? "") ?? 0, run: run, previous: row[2] ?? "", digest: row[3] ?? "")
        }
    }

    /// Walks the whole chain from the first entry: sequence numbers without gaps, each link equal to
    /// the digest before it, each digest recomputed, each entry readable and its columns its own.
    static func verify(secret: LedgerSecret, anchor: HistoryAnchor? = nil, in statements: TransferStatements) throws -> HistoryCheck {
        var problems: [String] = []
        var expected = 1
        var previous = ""
        var count = 0
        for row in try statements.query("SELECT seq, at, kind, entry, previous, digest FROM runs ORDER BY seq", []) {
            count += 1
            let sequence = Int(row[0] ?? "") ?? -1
            let (at, kind, text, link, digest) = (row[1] ?? "", row[2] ?? "", row[3] ?? "", row[4] ?? "", row[5] ?? "")
            if sequence != expected {
                problems.append(sequence > expected
                    ? "entries \(expected)–\(sequence - 1) are missing (removed from the chain)"
                    : "entry \(sequence) is out of order (expected \(expected))")
            }
            if link != previous {
                problems.append("entry \(sequence): its link to the previous entry (\(link.prefix(12))) is not that entry's digest (\(previous.prefix(12)))")
            }
            if digest != Self.digest(secret, sequence: sequence, previous: link, text: text) {
                problems.append("entry \(sequence): its digest does not match its contents (edited, or written without this ledger's secret)")
            }
            if let run = try? JSONDecoder().decode(RunRecord.self, from: Data(text.utf8)) {
                if run.at != at || run.kind.rawValue != kind {
                    problems.append("entry \(sequence): its time or kind column (\(at), \(kind)) differs from the entry (\(run.at), \(run.kind.rawValue))")
                }
            } else {
                problems.append("entry \(sequence): its text is not a run record")
            }
            if sequence == anchor?.sequence && digest != anchor?.digest {
                problems.append("entry \(sequence) is not the one recorded earlier (its digest differs)")
            }
            previous = digest
            expected = sequence + 1
        }
        if let anchor, anchor.sequence > expected - 1 {
            problems.append("entry \(anchor.sequence), the head recorded earlier, is gone (entries removed from the end)")
        }
        return HistoryCheck(entries: count, headSequence: expected - 1, headDigest: previous, problems: problems)
    }
}
