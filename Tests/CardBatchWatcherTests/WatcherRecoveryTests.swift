import CardBatchCore
import CardBatchSamples
import CardBatchTestSupport
import CardBatchWatcher
import Foundation
import Logging
import Testing

struct WatcherRecoveryTests {
    /// A watcher over an in-memory ledger: recovery, claims and filing are the subject, not storage
    /// (the process tests run the real binary on its SQLite ledger).
    func watcher(_ dir: TemporaryDirectory, maxAttempts: Int = 3) throws -> (Watcher, InMemoryLedger) {
        let options = WatchOptions(inbox: dir.file("inbox"), outputDirectory: dir.file("out"), fixedDate: Fixtures.date,
                                   minimumAge: 0, settle: 0, maxAttempts: maxAttempts)
        try FileManager.default.createDirectory(atPath: dir.file("out"), withIntermediateDirectories: true)
        let ledger = InMemoryLedger()
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return (Watcher(options: options, ledger: ledger, logger: logger), ledger)
    }

    @Test func aBundleLeftInADeadWatchersClaimFolderIsProcessedOnStart() throws {
        let dir = TemporaryDirectory()
        let host = ProcessInfo.processInfo.hostName
        let orphan = dir.file("inbox/processing/\(host)-999999")
        try FileManager.default.createDirectory(atPath: orphan, withIntermediateDirectories: true)
        try Fixtures.cleanBundle(Fixtures.employees(2, seed: 31)).write(to: orphan + "/left.zip")
        let (w, ledger) = try watcher(dir)
        try w.startUp()
        w.pass()
        #expect(FileManager.default.fileExists(atPath: dir.file("inbox/archive/left.zip")))
        #expect(!FileManager.default.fileExists(atPath: orphan))
        #expect(FileManager.default.fileExists(atPath: dir.file("out/left/accepted/records.csv")))
        #expect(try ledger.journeys(since: "2000").map(\.state) == [.done])
    }

    /// A watcher killed between filing a bundle and deleting its marker leaves `NAME.zip.done`
    /// behind; a later bundle of that name must not be taken at once on the strength of it.
    @Test func staleDoneMarkersAreRemovedOnStartAndABundleWithItsOwnMarkerIsTakenAtOnce() throws {
        let dir = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.file("inbox"), withIntermediateDirectories: true)
        func write(_ name: String, _ bytes: [UInt8]) throws {
            try Data(bytes).write(to: URL(fileURLWithPath: dir.file("inbox/\(name)")))
            usleep(20_000)  // file times a clear step apart
        }
        try write("gone.zip.done", [])
        try write("again.zip.done", [])
        try write("again.zip", try Fixtures.cleanBundle(Fixtures.employees(1, seed: 33)).bytes())
        try write("fresh.zip", try Fixtures.cleanBundle(Fixtures.employees(1, seed: 34)).bytes())
        try write("fresh.zip.done", [])
        let (w, _) = try watcher(dir)
        try w.startUp()
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.file("inbox")).filter { $0.hasSuffix(".done") }.sorted()
        #expect(left == ["fresh.zip.done"])
        w.pass()
        #expect(FileManager.default.fileExists(atPath: dir.file("inbox/archive/fresh.zip")))
        #expect(!FileManager.default.fileExists(atPath: dir.file("inbox/fresh.zip.done")))
        // Without a marker of its own, again.zip waits until two polls agree that it is complete.
        #expect(FileManager.default.fileExists(atPath: dir.file("inbox/again.zip")))
        w.pass()
        #expect(FileManager.default.fileExists(atPath: dir.file("inbox/archive/again.zip")))
    }

    @Test func aBundleStartedTooOftenIsQuarantinedWithANote() throws {
        let dir = TemporaryDirectory()
        let (w, ledger) = try watcher(dir, maxAttempts: 2)
        try w.startUp()
        let claims = dir.file("inbox/processing/\(ProcessInfo.processInfo.hostName)-\(getpid())")
        try Fixtures.cleanBundle(Fixtures.employees(1, seed: 32)).write(to: claims + "/crashy.zip")
        try ledger.received(Journey(claim: "processing/\(ProcessInfo.processInfo.hostName)-\(getpid())/crashy.zip", original: "crashy.zip",
                                    state: .processing, attempts: 2, outputName: "crashy", receivedAt: "2026-11-25T01:00:00Z", updatedAt: "2026-11-25T01:00:00Z"))
        w.pass()
        #expect(FileManager.default.fileExists(atPath: dir.file("inbox/quarantine/crashy.zip")))
        let note = try String(contentsOfFile: dir.file("inbox/quarantine/crashy.zip.txt"), encoding: .utf8)
        #expect(note.contains("started 2 times without finishing"))
        #expect(!FileManager.default.fileExists(atPath: dir.file("out/crashy")))
        let summary = try String(contentsOfFile: dir.file("out/summary-2026-11-25.txt"), encoding: .utf8)
        #expect(summary.contains("crashy.zip: QUARANTINED"))
        let page = try String(contentsOfFile: dir.file("out/summary-2026-11-25.html"), encoding: .utf8)
        #expect(page.contains("Quarantined: check by hand") && page.contains("crashy.zip"))
        let metrics = try String(contentsOfFile: dir.file("out/cardbatch.prom"), encoding: .utf8)
        #expect(metrics.contains("cardbatch_quarantined_bundles 1"))
    }
}
