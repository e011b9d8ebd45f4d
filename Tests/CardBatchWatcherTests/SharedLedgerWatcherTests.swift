import CardBatchCore
import CardBatchLedger
import CardBatchNative
import CardBatchSamples
import CardBatchTestSupport
import Foundation
import Testing

/// Watchers of several hosts on one inbox and one PostgreSQL ledger, as processes: killed at random,
/// the server stopped under them, the database unreachable at start-up.
struct SharedLedgerWatcherTests {
    typealias Inbox = WatcherProcessTests.Inbox

    /// A watcher's log, read with plain `read(2)`: Foundation's file readers (`String(contentsOfFile:)`,
    /// `FileManager.contents(atPath:)`) leaked their read buffer on some of these logs under
    /// LeakSanitizer.
    func log(_ box: Inbox, _ name: String) -> String {
        let fd = open(box.dir.file(name), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return "" }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            bytes += chunk[..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test(.timeLimit(.minutes(4)))
    func threeWatchersOneKilledAtRandomMomentsHandleEveryBundleExactlyOnceAndTakeOverItsClaims() throws {
        let url = try PostgresServer.shared().createDatabase("threewatchers")
        let box = try Inbox(count: 48)
        let hosts = ["host-a", "host-b", "host-c"]
        func start(_ host: String, _ generation: Int) throws -> Process {
            try box.start(["--ledger", url, "--host-id", host, "--lease", "2", "--max-attempts", "1000"], log: "\(host)-\(generation).log")
        }
        var watchers = try hosts.map { try start($0, 0) }
        var rng = SplitMix64(seed: 20261126)
        var rounds = 0, interrupted = 0
        let pending = { box.files(box.inbox).filter { $0.hasSuffix(".zip") }.count + box.claimed.count }
        while rounds < 16 && pending() > 0 {
            let victim = Int.random(in: 0..<3, using: &rng)
            let folder = "\(box.inbox)/processing/\(hosts[victim])-\(watchers[victim].processIdentifier)"
            // Every other round the instant the victim has a bundle claimed (surely mid-way), the
            // others at a random moment.
            if rounds % 2 == 0 {
                waitUntil(2_000, every: 1_000) { !box.files(folder).isEmpty }
            } else {
                usleep(UInt32.random(in: 50_000...500_000, using: &rng))
            }
            // A bundle in the victim's claim folder at the kill was interrupted mid-way: another host
            // must take it over once the victim's lease expires.
            if !box.files(folder).isEmpty { interrupted += 1 }
            kill(watchers[victim].processIdentifier, SIGKILL)
            watchers[victim].waitUntilExit()
            rounds += 1
            watchers[victim] = try start(hosts[victim], rounds)
        }
        // Leases of the killed are 2 s: everything is filed soon after the last kill.
        waitUntil(1_200, every: 100_000) { pending() == 0 && box.files(box.inbox + "/archive").count == box.names.count }
        // A watcher just restarted may not have set up its signal handling yet: wait until it is up
        // (its claim folder exists) before asking it to stop.
        for (i, p) in watchers.enumerated() {
            waitUntil(300, every: 100_000) { FileManager.default.fileExists(atPath: "\(box.inbox)/processing/\(hosts[i])-\(p.processIdentifier)") }
            kill(p.processIdentifier, SIGTERM)
        }
        for p in watchers { p.waitUntilExit() }
        for (i, p) in watchers.enumerated() {
            #expect(p.terminationStatus == 0, "\(hosts[i]) ended with \(p.terminationStatus)")
        }
        let logs = ((try? FileManager.default.contentsOfDirectory(atPath: box.dir.path)) ?? []).filter { $0.hasSuffix(".log") }.map { log(box, $0) }
        let ledger = try PostgresLedger(connection: url, secret: .forTests)
        try box.expectEveryBundleHandledOnce(ledger: ledger)
        #expect(try PostgresConnection(url).query("SELECT count(*) FROM claims").first?[0] == "0", "claims left behind")
        #expect(rounds >= 3, "only \(rounds) kills before the inbox was empty")
        #expect(interrupted > 0, "no kill interrupted a bundle (\(rounds) rounds)")
        #expect(logs.contains { $0.contains("took over a bundle whose watcher's lease expired") },
                "\(interrupted) kills interrupted a bundle, and no watcher took one over")
    }

    @Test(.timeLimit(.minutes(3)))
    func aWatcherOutlivesTheServerStoppingMidRunAndLogsTheOutageOnceEachWay() throws {
        let server = try PostgresServer()
        defer { try? server.stop() }
        let url = try server.createDatabase("restart")
        let box = try Inbox(count: 10)
        let p = try box.start(["--ledger", url, "--lease", "3", "--max-backoff", "0.5", "--max-attempts", "1000"])
        waitUntil(600, every: 50_000) { box.files(box.inbox + "/archive").count >= 2 }
        try server.stop()
        usleep(2_000_000)
        #expect(p.isRunning, "the watcher stopped with the server: \(log(box, "watcher.log"))")
        try server.start()
        waitUntil(1_200, every: 50_000) { box.files(box.inbox + "/archive").count == box.names.count }
        kill(p.processIdentifier, SIGTERM)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let text = log(box, "watcher.log")
        try box.expectEveryBundleHandledOnce(ledger: PostgresLedger(connection: url, secret: .forTests))
        #expect(try PostgresConnection(url).query("SELECT count(*) FROM claims").first?[0] == "0", "claims left behind")
        let lines = text.split(separator: "\n")
        #expect(lines.filter { $0.contains("ledger unreachable") }.count == 1, "\(text)")
        #expect(lines.filter { $0.contains("ledger reachable again") }.count == 1, "\(text)")
        #expect(!text.contains("password"))
    }

    @Test func aServerUnreachableAtStartUpExits74NamingTheLedgerAndAPasswordInTheURLIsRefused() throws {
        let box = try Inbox(count: 1)
        let unreachable = try CardBatchBinary.run(["watch", "--once", "--inbox", box.inbox, "--out", box.out,
                                                   "--ledger", "postgresql://cardbatch@/ledger?host=\(box.dir.path)", "--secret", box.secret, "--db-timeout", "2"])
        #expect(unreachable.status == 74)
        #expect(unreachable.stderr.contains("cannot start") && unreachable.stderr.contains("PostgreSQL ledger") && unreachable.stderr.contains(box.dir.path))
        #expect(box.files(box.inbox).contains("bundle-0.zip"), "a bundle was taken without a ledger")
        let process = try CardBatchBinary.run(["process", "--out", box.out, "--ledger", "postgresql://cardbatch@/ledger?host=\(box.dir.path)", "--secret", box.secret,
                                               "--db-timeout", "2", box.inbox + "/bundle-0.zip"])
        #expect(process.status == 74)
        let secret = try CardBatchBinary.run(["process", "--out", box.out, "--ledger", "postgresql://cardbatch:s3cret@db.example/ledger", box.inbox + "/bundle-0.zip"])
        #expect(secret.status == 64)
        #expect(secret.stderr.contains("~/.pgpass") && !secret.stderr.contains("s3cret"))
    }

    @Test(.timeLimit(.minutes(2)))
    func twoOutletsSubmittingTheSameEmployeeAtOnceGetOneAcceptanceAndOneRefusalNamingTheOtherBundle() throws {
        let url = try PostgresServer.shared().createDatabase("outlets")
        let dir = TemporaryDirectory()
        // One employee in both bundles, each bundle with one of its own besides.
        let people = Fixtures.employees(3, seed: 4242)
        for (i, outlet) in ["outlet-a", "outlet-b"].enumerated() {
            try Fixtures.cleanBundle([people[0], people[1 + i]]).write(to: dir.file("\(outlet).zip"))
        }
        // The secret file is written once, before the runs: written by both at once, one run could
        // read it half written and never start.
        let secret = try LedgerSecret.writeTestSecret(to: dir.file("ledger.secret"))
        let runs = Locked<[String: CardBatchBinary.Run]>([:])
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let outlet = ["outlet-a", "outlet-b"][i]
            let run = try? CardBatchBinary.run(["process", "--quiet", "--date", "2026-11-25", "--out", dir.file("out-\(outlet)"),
                                                "--ledger", url, "--secret", secret, "--host-id", outlet, dir.file("\(outlet).zip")])
            runs.withLock { $0[outlet] = run }
        }
        let statuses = runs.withLock { $0.mapValues(\.status) }
        #expect(statuses.values.sorted() == [0, 1], "\(statuses)")
        guard let loser = statuses.first(where: { $0.value == 1 })?.key else { return }
        let winner = loser == "outlet-a" ? "outlet-b" : "outlet-a"
        let reports = try FileManager.default.subpathsOfDirectory(atPath: dir.file("out-\(loser)")).filter { $0.contains("rejected/") && $0.hasSuffix(".txt") }
        #expect(reports.count == 1)
        let report = try String(contentsOfFile: dir.file("out-\(loser)/\(reports[0])"), encoding: .utf8)
        #expect(report.contains("\(winner).zip"), "\(report)")
    }
}
