import CardBatchCore
import CardBatchLedger
import CardBatchNative
import CardBatchTestSupport
import Foundation
import Testing

/// Every run is in the ledger's history, chained; `ledger verify` finds an entry edited, removed from
/// the middle, or (against a head recorded earlier) from the end.
struct RunHistoryTests {
    struct Entry: Decodable {
        struct Run: Decodable {
            var kind: String
            var host: String
            var inputs: [String]
            var outputs: [String]
            var counts: [String: Int]
            var configurationSHA256: String
            var dates: [String: String]
        }
        var sequence: Int
        var digest: String
        var run: Run
    }

    static func history(_ ledger: String) throws -> [Entry] {
        let run = try CardBatchBinary.run(["ledger", "history", "--json", "--ledger", ledger])
        #expect(run.status == 0, "\(run.stderr)")
        return try run.stdout.split(whereSeparator: \.isNewline).map { try JSONDecoder().decode(Entry.self, from: Data($0.utf8)) }
    }

    @Test(.timeLimit(.minutes(3)))
    func everyKindOfRunIsRecordedWithItsInputsOutputsAndCountsAndTheChainVerifies() throws {
        let dir = TemporaryDirectory()
        let bundle = try Fixtures.write(Fixtures.cleanBundle(Fixtures.employees(2, seed: 808)), "acme.zip", in: dir)
        let ledger = dir.file("out/cardbatch-ledger.sqlite")
        #expect(try CardBatchBinary.run(["process", "--quiet", "--date", "2026-11-25", "--out", dir.file("out"), "--host-id", "outlet-7", bundle]).status == 0)
        #expect(try CardBatchBinary.run(["process", "--quiet", "--date", "2026-11-25", "--out", dir.file("out"), bundle]).status == 3)
        #expect(try CardBatchBinary.run(["precheck", "--quiet", "--date", "2026-11-25", "--report", dir.file("reports"), "--ledger", ledger, bundle]).status == 0)
        let purge = try CardBatchBinary.run(["purge", "--out", dir.file("out"), "--older-than", "30"])
        #expect(purge.status == 0 && purge.stdout.contains("purged 0 result folders"), "\(purge.stdout)\(purge.stderr)")
        // A dry run records nothing.
        #expect(try CardBatchBinary.run(["purge", "--out", dir.file("out"), "--older-than", "30", "--dry-run"]).stdout.contains("dry run: 0 would be removed"))

        let entries = try Self.history(ledger)
        #expect(entries.map(\.run.kind) == ["process", "process", "precheck", "purge"])
        #expect(entries.map(\.sequence) == [1, 2, 3, 4])
        let first = entries[0].run
        #expect(first.host == "outlet-7")
        #expect(first.inputs == [try SHA256.hex(fileAt: bundle)])
        #expect(first.outputs == [try SHA256.hex(fileAt: dir.file("out/acme/manifest.sha256"))])
        #expect(first.counts["employees"] == 2 && first.counts["accepted"] == 2 && first.counts["bundles"] == 1)
        let config = try CardBatchBinary.run(["config", "--json"]).stdout
        #expect(first.configurationSHA256 == SHA256.hex(config), "the digest is that of `cardbatch config --json`")
        #expect(entries[3].run.counts["resultFolders"] == 0 && entries[3].run.dates["resultLimitDays"] == "30")
        // The history names bundles by digest only: no employee's data in it.
        let text = try CardBatchBinary.run(["ledger", "history", "--ledger", ledger]).stdout
        #expect(text.contains("#1 ") && text.contains("process on outlet-7") && !text.contains("acme"))

        let verified = try CardBatchBinary.run(["ledger", "verify", "--ledger", ledger])
        #expect(verified.status == 0 && verified.stdout.contains("history intact: 4 runs, head 4:\(entries[3].digest)"), "\(verified.stdout)")
        let since = try CardBatchBinary.run(["ledger", "history", "--json", "--since", "2100-01-01", "--ledger", ledger])
        #expect(since.status == 0 && since.stdout.isEmpty)
    }

    @Test(.timeLimit(.minutes(3)))
    func anEditedARemovedOrATruncatedEntryIsFoundByVerify() throws {
        let dir = TemporaryDirectory()
        let out = dir.file("out")
        for seed in 0..<4 {
            let bundle = try Fixtures.write(Fixtures.cleanBundle(Fixtures.employees(1, seed: 900 + UInt64(seed))), "b\(seed).zip", in: dir)
            #expect(try CardBatchBinary.run(["process", "--quiet", "--date", "2026-11-25", "--out", out, bundle]).status == 0)
        }
        let original = "\(out)/cardbatch-ledger.sqlite"
        let head = try Self.history(original).last!
        #expect(head.sequence == 4)
        func tampered(_ name: String, _ sql: String) throws -> CardBatchBinary.Run {
            let copy = dir.file("\(name).sqlite")
            try FileManager.default.copyItem(atPath: original, toPath: copy)
            try FileManager.default.copyItem(atPath: "\(out)/cardbatch-ledger.secret", toPath: dir.file("\(name).secret"))
            let db = try SQLiteDatabase(path: copy)
            // The tool's own triggers refuse the change; a tamperer goes around them.
            #expect(throws: SQLiteError.self) { try db.execute(sql) }
            try db.execute("DROP TRIGGER runs_no_update; DROP TRIGGER runs_no_delete; " + sql)
            return try CardBatchBinary.run(["ledger", "verify", "--ledger", copy, "--head", "4:\(head.digest)"])
        }
        let edited = try tampered("edited", #"UPDATE runs SET entry = replace(entry, '"accepted":1', '"accepted":2') WHERE seq = 2"#)
        #expect(edited.status == 1 && edited.stdout.contains("entry 2: its digest does not match its contents"), "\(edited.stdout)")
        let removed = try tampered("removed", "DELETE FROM runs WHERE seq = 3")
        #expect(removed.status == 1 && removed.stdout.contains("entries 3–3 are missing"), "\(removed.stdout)")
        let truncated = try tampered("truncated", "DELETE FROM runs WHERE seq = 4")
        #expect(truncated.status == 1 && truncated.stdout.contains("entry 4, the head recorded earlier, is gone"), "\(truncated.stdout)")
        let intact = try CardBatchBinary.run(["ledger", "verify", "--ledger", original, "--head", "4:\(head.digest)"])
        #expect(intact.status == 0, "\(intact.stdout)")
    }

    @Test(.timeLimit(.minutes(3)))
    func aWatcherRecordsEachPassThatTookABundleAndPurgesAfterItWhenAsked() throws {
        let dir = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.file("inbox"), withIntermediateDirectories: true)
        _ = try Fixtures.write(Fixtures.cleanBundle(Fixtures.employees(1, seed: 515)), "inbox/one.zip", in: dir)
        let run = try CardBatchBinary.run(["watch", "--once", "--inbox", dir.file("inbox"), "--out", dir.file("out"), "--min-age", "0", "--settle", "0",
                                           "--date", "2026-11-25", "--purge-after", "30", "--log-format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("pass recorded") && run.stderr.contains("\"message\":\"purged\""), "\(run.stderr)")
        let entries = try Self.history(dir.file("out/cardbatch-ledger.sqlite"))
        #expect(entries.map(\.run.kind) == ["watch-pass", "purge"])
        #expect(entries[0].run.counts["accepted"] == 1)
        // The log carries the head, to check the chain against later.
        #expect(run.stderr.contains("1:\(entries[0].digest)"))
    }
}
