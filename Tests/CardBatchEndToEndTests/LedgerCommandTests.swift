import CardBatchTestSupport
import Foundation
import Testing

/// `cardbatch ledger`: an SQLite ledger moved into PostgreSQL keeps recognising what it knew.
struct LedgerCommandTests {
    @Test(.timeLimit(.minutes(2)))
    func anSQLiteLedgerExportedAndImportedIntoPostgresStillKnowsItsBundlesAndImportingTwiceAddsNothing() throws {
        let url = try PostgresServer.shared().createDatabase("ledgercommand")
        let dir = TemporaryDirectory()
        let bundle = try Fixtures.write(Fixtures.cleanBundle(Fixtures.employees(2, seed: 77)), "outlet.zip", in: dir)
        let sqlite = dir.file("out/cardbatch-ledger.sqlite")
        // The secret made beside the SQLite ledger on its first use; the shared ledger is given the same.
        let secret = dir.file("out/cardbatch-ledger.secret")
        #expect(try CardBatchBinary.run(["process", "--quiet", "--date", "2026-11-25", "--out", dir.file("out"), bundle]).status == 0)

        let export = try CardBatchBinary.run(["ledger", "export", "--ledger", sqlite, "--to", dir.file("ledger.json")])
        #expect(export.status == 0 && export.stdout.contains("exported 1 bundles, 2 accepted employees"), "\(export.stderr)")
        var info = stat()
        stat(dir.file("ledger.json"), &info)
        #expect(info.st_mode & 0o777 == 0o600, "the export names bundles and keyed employees")

        let first = try CardBatchBinary.run(["ledger", "import", "--ledger", url, "--secret", secret, dir.file("ledger.json")])
        #expect(first.status == 0 && first.stdout.contains("imported 1 bundles (0 already present), 2 accepted employees"), "\(first.stdout)\(first.stderr)")
        let again = try CardBatchBinary.run(["ledger", "import", "--ledger", url, "--secret", secret, dir.file("ledger.json")])
        #expect(again.stdout.contains("imported 0 bundles (1 already present), 0 accepted employees, 0 journeys"), "\(again.stdout)")

        let status = try CardBatchBinary.run(["ledger", "status", "--json", "--ledger", url, "--secret", secret])
        let fields = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        #expect(fields?["bundlesDone"] as? Int == 1 && fields?["acceptedEmployees"] as? Int == 2 && fields?["backend"] as? String == "postgresql")
        #expect(!status.stdout.contains("password"))
        #expect(try CardBatchBinary.run(["ledger", "migrate", "--ledger", url, "--secret", secret]).stdout.contains("already current"))

        // The same bytes through the shared ledger: a resubmission of the bundle the SQLite ledger knew.
        let resubmitted = try CardBatchBinary.run(["process", "--quiet", "--date", "2026-11-25", "--out", dir.file("out2"), "--ledger", url, "--secret", secret, bundle])
        #expect(resubmitted.status == 3)

        try Data("{\"format\":\"something-else\"}".utf8).write(to: URL(fileURLWithPath: dir.file("bad.json")))
        let bad = try CardBatchBinary.run(["ledger", "import", "--ledger", url, "--secret", secret, dir.file("bad.json")])
        #expect(bad.status == 65)
    }
}
