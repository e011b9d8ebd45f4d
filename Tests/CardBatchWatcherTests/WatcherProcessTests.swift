import CardBatchCore
import CardBatchLedger
import CardBatchNative
import CardBatchSamples
import CardBatchTestSupport
import Foundation
import Testing

/// The watcher as a process: killed, stopped, doubled.
struct WatcherProcessTests {
    struct Inbox {
        let dir = TemporaryDirectory("cardbatch-watch")
        var inbox: String { dir.file("inbox") }
        var out: String { dir.file("out") }
        /// The ledger secret every watcher of the box is given (the test's own handles use the same).
        var secret: String { dir.file("ledger.secret") }
        var names: [String] = []
        var digests: [String: String] = [:]

        /// `count` bundles of distinct employees.
        init(count: Int) throws {
            try FileManager.default.createDirectory(atPath: dir.file("inbox"), withIntermediateDirectories: true)
            try LedgerSecret.writeTestSecret(to: secret)
            for i in 0..<count {
                let name = "bundle-\(i).zip"
                let path = dir.file("inbox/\(name)")
                try Fixtures.cleanBundle(Fixtures.employees(2, seed: 100 + UInt64(i))).write(to: path)
                names.append(name)
                digests[name] = try SHA256.hex(fileAt: path)
            }
        }

        /// Starts a watcher; its log goes to `log` under the temporary folder, for failure messages.
        func start(_ extra: [String] = [], log: String = "watcher.log") throws -> Process {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CardBatchBinary.path())
            p.arguments = ["watch", "--inbox", inbox, "--out", out, "--poll-interval", "0.05", "--min-age", "0",
                           "--date", "2026-11-25", "--log-format", "json", "--secret", secret] + extra
            p.standardOutput = FileHandle.nullDevice
            _ = FileManager.default.createFile(atPath: dir.file(log), contents: nil)
            p.standardError = FileHandle(forWritingAtPath: dir.file(log))
            try p.run()
            return p
        }

        func files(_ folder: String) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        }

        /// Every file still under processing/ (in any watcher's claim folder).
        var claimed: [String] { files(inbox + "/processing").flatMap { files("\(inbox)/processing/\($0)") } }

        /// Each bundle handled exactly once, with complete outputs; nothing left behind. The ledger is
        /// the SQLite file in the output folder unless another is given.
        func expectEveryBundleHandledOnce(ledger shared: (any Ledger & JourneyLog)? = nil) throws {
            #expect(files(inbox).filter { $0.hasSuffix(".zip") } == [])
            #expect(claimed == [])
            #expect(files(inbox + "/archive") == names.sorted())
            let folders = files(out).filter { !$0.hasPrefix(".") && !$0.contains(".") }
            #expect(folders == names.map { String($0.dropLast(4)) }.sorted())
            #expect(files(out).filter { $0.hasPrefix(".") } == [], "staging folders left")
            for folder in folders {
                let manifest = try String(contentsOfFile: "\(out)/\(folder)/manifest.sha256", encoding: .utf8)
                for line in manifest.split(separator: "\n") {
                    let parts = line.split(separator: " ", maxSplits: 1)
                    #expect(try SHA256.hex(fileAt: "\(out)/\(folder)/\(parts[1].dropFirst())") == String(parts[0]))
                }
                #expect(FileManager.default.fileExists(atPath: "\(out)/\(folder)/accepted/records.csv"))
            }
            let ledger = try shared ?? SQLiteLedger(path: out + "/cardbatch-ledger.sqlite", secret: .forTests)
            for name in names { #expect(try ledger.recordedBundle(sha256: digests[name]!)?.outcome == "accepted", "\(name)") }
            let journeys = try ledger.journeys(since: "2000")
            #expect(journeys.map(\.original).sorted() == names.sorted())
            #expect(journeys.allSatisfy { $0.state == .done })
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func killedWithSIGKILLAtRandomMomentsEveryBundleEndsProcessedExactlyOnce() throws {
        let box = try Inbox(count: 16)
        var rng = SplitMix64(seed: 20261125)
        var rounds = 0
        var interrupted = 0
        // Every other round is killed the instant a bundle is claimed (surely mid-way); the others at a
        // random moment. Quarantine is not the subject here, so attempts are not capped.
        while rounds < 12 && !box.files(box.inbox).filter({ $0.hasSuffix(".zip") }).isEmpty {
            let p = try box.start(["--max-attempts", "1000"])
            if rounds % 2 == 0 {
                // Up to 20 s: a sanitizer build starts slowly (it loads the face model first).
                waitUntil(20_000, every: 1_000) { !box.claimed.isEmpty }
            } else {
                usleep(UInt32.random(in: 15_000...120_000, using: &rng))
            }
            // A bundle sitting in a claim folder at the instant of the kill was interrupted mid-way.
            if !box.claimed.isEmpty { interrupted += 1 }
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            rounds += 1
        }
        for _ in 0..<4 where !(box.files(box.inbox).filter { $0.hasSuffix(".zip") }.isEmpty && box.claimed.isEmpty) {
            let p = try box.start(["--once", "--settle", "0", "--max-attempts", "1000"])
            p.waitUntilExit()
            #expect(p.terminationStatus == 0)
        }
        try box.expectEveryBundleHandledOnce()
        // The kills did land mid-way: at least one round killed the watcher with a bundle claimed.
        #expect(interrupted > 0, "no round interrupted a bundle (\(rounds) rounds)")
    }

    @Test(.timeLimit(.minutes(2)))
    func twoWatchersOnOneInboxHandleEachBundleOnce() throws {
        let box = try Inbox(count: 8)
        let a = try box.start(log: "a.log"), b = try box.start(log: "b.log")
        // Both up (each has created its claim folder) before anything is judged or stopped.
        let host = ProcessInfo.processInfo.hostName
        for p in [a, b] {
            waitUntil(30_000, every: 1_000) { FileManager.default.fileExists(atPath: "\(box.inbox)/processing/\(host)-\(p.processIdentifier)") }
        }
        waitUntil(600, every: 50_000) { box.files(box.inbox + "/archive").count >= 8 }
        kill(a.processIdentifier, SIGTERM)
        kill(b.processIdentifier, SIGTERM)
        a.waitUntilExit()
        b.waitUntilExit()
        for (p, log) in [(a, "a.log"), (b, "b.log")] {
            #expect(p.terminationReason == .exit && p.terminationStatus == 0,
                    "watcher \(log) ended with \(p.terminationStatus): \((try? String(contentsOfFile: box.dir.file(log), encoding: .utf8)) ?? "")")
        }
        try box.expectEveryBundleHandledOnce()
    }

    /// Polling every minute, the watcher still takes a bundle within seconds: inotify wakes it.
    @Test(.timeLimit(.minutes(2)))
    func aNewBundleWakesAPollingWatcherEarly() throws {
        var box = try Inbox(count: 0)
        let p = try box.start(["--poll-interval", "60"])
        let host = ProcessInfo.processInfo.hostName
        waitUntil(30_000, every: 1_000) { FileManager.default.fileExists(atPath: "\(box.inbox)/processing/\(host)-\(p.processIdentifier)") }
        usleep(200_000)
        try Fixtures.cleanBundle(Fixtures.employees(1, seed: 140)).write(to: box.inbox + "/late.zip")
        box.names = ["late.zip"]
        box.digests["late.zip"] = try SHA256.hex(fileAt: box.inbox + "/late.zip")
        try Data().write(to: URL(fileURLWithPath: box.inbox + "/late.zip.done"))
        // Well under the 60 s poll interval: only inotify can have woken it this early.
        waitUntil(1_200, every: 25_000) { !box.files(box.inbox + "/archive").isEmpty }
        kill(p.processIdentifier, SIGTERM)
        p.waitUntilExit()
        #expect(box.files(box.inbox + "/archive") == ["late.zip"])
        #expect(!FileManager.default.fileExists(atPath: box.inbox + "/late.zip.done"))
    }

    @Test(.timeLimit(.minutes(2)))
    func sigtermFinishesTheBundleInFlightAndTakesNoOther() throws {
        var box = try Inbox(count: 0)
        // A larger bundle, so the stop arrives while it is being processed.
        try FileManager.default.copyItem(atPath: CardBatchBinary.root + "/samples/clean-csv.zip", toPath: box.inbox + "/big.zip")
        try FileManager.default.copyItem(atPath: CardBatchBinary.root + "/samples/clean-xml-wrapped.zip", toPath: box.inbox + "/later.zip")
        box.names = ["big.zip"]
        box.digests["big.zip"] = try SHA256.hex(fileAt: box.inbox + "/big.zip")
        let p = try box.start(["--max-per-pass", "1"])
        // Up to 60 s for the claim: a sanitizer build starts slowly (it loads the face model first).
        waitUntil(12_000, every: 5_000) { !box.claimed.isEmpty }
        #expect(!box.claimed.isEmpty, "the watcher claimed big.zip before the stop")
        kill(p.processIdentifier, SIGTERM)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(box.files(box.inbox + "/archive") == ["big.zip"])
        #expect(box.files(box.inbox).contains("later.zip"))
        #expect(FileManager.default.fileExists(atPath: box.out + "/big/accepted/records.csv"))
        #expect(box.claimed == [])
    }
}

/// Waits until `done` holds, checking it every `interval` microseconds, at most `attempts` times.
/// (A `for … where` loop would not stop there: it would go on evaluating the condition to the end.)
func waitUntil(_ attempts: Int, every interval: UInt32, _ done: () -> Bool) {
    for _ in 0..<attempts {
        if done() { return }
        usleep(interval)
    }
}
