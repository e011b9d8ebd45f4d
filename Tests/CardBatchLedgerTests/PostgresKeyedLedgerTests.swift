import CardBatchCore
@testable import CardBatchLedger
import CardBatchNative
import CardBatchTestSupport
import Dispatch
import Foundation
import Testing

/// The shared ledger's side of the personal-data lifecycle: a database of schema 1 keyed in place,
/// hosts appending to one history chain at once, and a tampered entry found.
struct PostgresKeyedLedgerTests {
    static let run = RunRecord(kind: .process, at: "2026-11-26T10:00:00Z", host: "h", user: "u", configurationSHA256: "c", counts: ["bundles": 1])

    @Test(.timeLimit(.minutes(2)))
    func aDatabaseOfSchemaOneIsKeyedInPlaceAndStillRecognisesItsEmployees() throws {
        let url = try PostgresServer.shared().createDatabase("keyed")
        // The database as cardbatch left it before keyed identities: step 1 applied, employees in clear.
        let db = try PostgresConnection(url)
        try db.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, summary TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
        try db.execute(PostgresLedger.migrations[0].sql)
        try db.execute("INSERT INTO schema_migrations (version, summary) VALUES (1, 'v1')")
        try db.execute("""
            INSERT INTO bundles VALUES ('\(String(repeating: "a", count: 64))', 'first.zip', '/out/first', '2026-11-01T09:00:00Z', '2026-11-01', 'accepted', 'done', NULL);
            INSERT INTO employees VALUES ('FRA', 'PU9710027', '\(String(repeating: "a", count: 64))', 'FRA-1'), ('GBR', '512345678', '\(String(repeating: "a", count: 64))', 'GBR-1');
            """)
        let ledger = try PostgresLedger(connection: url, secret: .forTests)
        defer { ledger.close() }
        #expect(ledger.migrationsApplied == [2, 3])
        #expect(try db.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'employees' ORDER BY ordinal_position").map { $0[0] } == ["identity_key", "bundle_sha256"])
        let stored = try db.query("SELECT identity_key FROM employees").compactMap { $0[0] }
        #expect(stored.count == 2 && !stored.contains { $0.contains("PU9710027") || $0.contains("512345678") })
        let conflicts = try ledger.reserve(
            LedgerBundle(sha256: String(repeating: "b", count: 64), name: "second.zip", output: "/out/second", processedAt: "2026-11-26T09:00:00Z",
                         processingDate: "2026-11-26", outcome: "accepted"),
            employees: [EmployeeIdentity(nationality: "FRA", passportNumber: "pu9710027", recordKey: ""),
                        EmployeeIdentity(nationality: "DEU", passportNumber: "C01X00T47", recordKey: "")])
        #expect(conflicts.count == 1 && conflicts.values.first?.name == "first.zip")
        // Another host with another secret is refused rather than missing every duplicate.
        let other = try LedgerSecret(bytes: Array(repeating: 7, count: 32), path: "other")
        #expect(throws: LedgerKeyMismatch.self) { _ = try PostgresLedger(connection: url, secret: other) }
    }

    @Test(.timeLimit(.minutes(2)))
    func hostsAppendingAtOnceBuildOneUnbrokenChainAndAnEditedEntryIsFound() throws {
        let url = try PostgresServer.shared().createDatabase("history")
        let hosts = try (0..<3).map { try PostgresLedger(connection: url, secret: .forTests, settings: .init(host: "host-\($0)")) }
        defer { hosts.forEach { $0.close() } }
        DispatchQueue.concurrentPerform(iterations: 3) { i in
            for n in 0..<10 {
                var run = Self.run
                run.host = "host-\(i)"
                run.counts["n"] = n
                _ = try? hosts[i].append(run)
            }
        }
        let check = try hosts[0].verifyHistory()
        #expect(check.isIntact && check.entries == 30 && check.headSequence == 30, "\(check.problems)")
        #expect(try hosts[1].history(since: nil).map(\.sequence) == Array(1...30))
        #expect(try hosts[2].history(since: "2026-11-27").isEmpty)

        let db = try PostgresConnection(url)
        #expect(throws: PostgresError.self) { try db.execute("UPDATE runs SET kind = 'purge' WHERE seq = 7") }
        #expect(throws: PostgresError.self) { try db.execute("DELETE FROM runs WHERE seq = 7") }
        try db.execute("ALTER TABLE runs DISABLE TRIGGER runs_no_change")
        try db.execute(#"UPDATE runs SET entry = replace(entry, '"n":3', '"n":4') WHERE seq = (SELECT min(seq) FROM runs WHERE entry LIKE '%"n":3%')"#)
        try db.execute("DELETE FROM runs WHERE seq = 20")
        let broken = try hosts[0].verifyHistory()
        #expect(!broken.isIntact)
        #expect(broken.problems.contains { $0.contains("its digest does not match its contents") })
        #expect(broken.problems.contains { $0.contains("entries 20–20 are missing") })
        // A chain recomputed without the secret does not pass either.
        let forged = try LedgerSecret(bytes: Array(repeating: 9, count: 32), path: "forged")
        #expect(try HistoryStatements.verify(secret: forged, in: PostgresLedger.statements(db)).problems.count >= 29)
    }

    @Test(.timeLimit(.minutes(2)))
    func inFlightNamesPendingOutputsAndClaimedBundlesOfEveryHost() throws {
        let url = try PostgresServer.shared().createDatabase("inflight")
        let a = try PostgresLedger(connection: url, secret: .forTests, settings: .init(host: "a"))
        let b = try PostgresLedger(connection: url, secret: .forTests, settings: .init(host: "b"))
        defer { a.close(); b.close() }
        _ = try a.reserve(LedgerBundle(sha256: String(repeating: "c", count: 64), name: "x.zip", output: "/out/x", processedAt: "2026-11-26T09:00:00Z",
                                       processingDate: "2026-11-26", outcome: "accepted"), employees: [])
        #expect(try b.claim("y.zip", owner: "b-1"))
        let flight = try a.inFlight()
        #expect(flight.pendingOutputs == ["/out/x"] && flight.bundleNames.contains("y.zip"))
    }
}
