import CardBatchCore
import CardBatchLedger
import CardBatchTestSupport
import CardBatchWatcher
import Foundation
import Testing

/// `purge` removes exactly what is older than the limit, never what is in flight, also while a
/// watcher is working on the same folders.
struct RetentionPurgeTests {
    static let day = 86_400.0

    /// Sets a path's modification time `days` from now (its status-change time stays now).
    static func age(_ path: String, days: Double) {
        let t = Date().timeIntervalSince1970 + days * day
        var times = [timespec(tv_sec: Int(t), tv_nsec: 0), timespec(tv_sec: Int(t), tv_nsec: 0)]
        utimensat(AT_FDCWD, path, &times, AT_SYMLINK_NOFOLLOW)
    }

    static func resultFolder(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path + "/rejected", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path + "/bundle-report.json", contents: Data("{}".utf8))
        _ = FileManager.default.createFile(atPath: path + "/rejected/row-00001.txt", contents: Data("REJECTED".utf8))
    }

    @Test func onlyWhatIsOlderThanTheLimitAndNotInFlightIsRemoved() throws {
        let dir = TemporaryDirectory()
        let out = dir.file("out"), inbox = dir.file("inbox")
        // "Now" is 40 days ahead: what keeps today's times is 40 days old; what is dated 35 days
        // ahead is 5 days old.
        let now = Date().addingTimeInterval(40 * Self.day)
        for name in ["old", "young", "pending"] { try Self.resultFolder("\(out)/\(name)") }
        Self.age("\(out)/young", days: 35)
        try Self.resultFolder("\(out)/.old.staging-1@host")
        try FileManager.default.createDirectory(atPath: "\(out)/not-a-result", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: "\(out)/cardbatch-ledger.sqlite", contents: Data())
        let folders = InboxFolders(inbox: inbox, owner: "host-1")
        try folders.create()
        for (folder, name) in [(folders.archive, "a.zip"), (folders.rejected, "r.zip"), (folders.quarantine, "q.zip"),
                               (folders.quarantine, "q.zip.note.txt"), (folders.archive, "young.zip"), (folders.archive, "held-2.zip"),
                               (folders.claims, "claimed.zip"), (inbox, "arriving.zip")] {
            _ = FileManager.default.createFile(atPath: "\(folder)/\(name)", contents: Data("PK".utf8))
        }
        Self.age("\(folders.archive)/young.zip", days: 35)
        let scope = RetentionPurge.Scope(outputDirectory: out, inbox: inbox, resultDays: 30, inboxDays: 30)
        let plan = RetentionPurge.plan(scope, now: now) {
            InFlight(pendingOutputs: ["/elsewhere/out/pending"], bundleNames: ["processing/host-2/held.zip"])
        }
        #expect(plan.items.map(\.path).sorted() == ["\(out)/old", "\(folders.archive)/a.zip", "\(folders.quarantine)/q.zip",
                                                    "\(folders.quarantine)/q.zip.note.txt", "\(folders.rejected)/r.zip"].sorted())
        #expect(plan.keptInFlight.sorted() == ["\(out)/pending", "\(folders.archive)/held-2.zip"].sorted())
        #expect(plan.items.first { $0.path == "\(out)/old" }?.bytes == 10)

        let (removed, failures) = RetentionPurge.execute(plan)
        #expect(failures.isEmpty && removed.count == 5)
        let left = Set((try FileManager.default.contentsOfDirectory(atPath: out)))
        #expect(left == ["young", "pending", ".old.staging-1@host", "not-a-result", "cardbatch-ledger.sqlite"])
        #expect(FileManager.default.fileExists(atPath: "\(folders.claims)/claimed.zip") && FileManager.default.fileExists(atPath: "\(inbox)/arriving.zip"))
        #expect(FileManager.default.fileExists(atPath: "\(folders.archive)/young.zip"))

        let record = RetentionPurge.record(scope, plan: plan, removed: removed, failures: 0, host: "outlet-1")
        #expect(record.kind == .purge && record.counts["resultFolders"] == 1 && record.counts["inboxFiles"] == 4 && record.counts["keptInFlight"] == 2)
        #expect(record.dates["oldest"] == String(Date().formatted(.iso8601).prefix(10)) && record.inputs.isEmpty)
        #expect(!(try record.canonicalText()).contains("a.zip"), "the purge record names nothing")
    }

    @Test func aRemovalInterruptedMidWayIsFinishedByTheNextPurge() throws {
        let dir = TemporaryDirectory()
        try Self.resultFolder(dir.file("out/.gone.purging-999999"))
        try Self.resultFolder(dir.file("out/.mine.purging-\(getpid())"))
        RetentionPurge.finishInterrupted(outputDirectory: dir.file("out"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.file("out")) == [".mine.purging-\(getpid())"])
    }

    /// A watcher keeps taking bundles while purges with a clock 40 days ahead run again and again:
    /// no claimed bundle, staging folder or pending folder is ever touched, and every bundle is still
    /// handled exactly once.
    @Test(.timeLimit(.minutes(3)))
    func purgesRunningBesideAWatcherNeverTouchWhatItHasInFlight() throws {
        let box = try WatcherProcessTests.Inbox(count: 10)
        let watcher = try box.start(["--workers", "1"])
        defer { if watcher.isRunning { kill(watcher.processIdentifier, SIGKILL) } }
        let host = ProcessInfo.processInfo.hostName
        waitUntil(30_000, every: 1_000) { FileManager.default.fileExists(atPath: "\(box.out)/cardbatch-ledger.sqlite") }
        let ledger = try SQLiteLedger(path: box.out + "/cardbatch-ledger.sqlite", secret: LedgerSecret.load(path: box.secret))
        let scope = RetentionPurge.Scope(outputDirectory: box.out, inbox: box.inbox, resultDays: 30, inboxDays: 30)
        var removed: [String] = [], purges = 0
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline && !(box.files(box.inbox).filter { $0.hasSuffix(".zip") }.isEmpty && box.claimed.isEmpty) {
            let plan = try RetentionPurge.plan(scope, now: Date().addingTimeInterval(40 * Self.day)) { try ledger.inFlight() }
            removed += RetentionPurge.execute(plan).removed.map(\.path)
            purges += 1
            usleep(20_000)
        }
        kill(watcher.processIdentifier, SIGTERM)
        watcher.waitUntilExit()
        #expect(watcher.terminationStatus == 0)
        #expect(purges > 5)
        #expect(!removed.contains { $0.contains("/processing/") || ($0 as NSString).lastPathComponent.hasPrefix(".") }, "\(removed)")
        // Every bundle was filed once (then purged from the archive or not) and recorded done.
        #expect(box.claimed.isEmpty && box.files(box.inbox).filter { $0.hasSuffix(".zip") }.isEmpty)
        let filed = Set(box.files(box.inbox + "/archive")).union(removed.filter { $0.contains("/archive/") }.map { ($0 as NSString).lastPathComponent })
        #expect(filed == Set(box.names))
        for name in box.names { #expect(try ledger.recordedBundle(sha256: box.digests[name]!)?.outcome == "accepted", "\(name)") }
        #expect(try ledger.inFlight() == InFlight())
        #expect(!FileManager.default.fileExists(atPath: "\(box.inbox)/processing/\(host)-\(watcher.processIdentifier)")
                || box.files("\(box.inbox)/processing/\(host)-\(watcher.processIdentifier)").isEmpty)
    }
}
