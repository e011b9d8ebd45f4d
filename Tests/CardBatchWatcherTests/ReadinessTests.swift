import CardBatchWatcher
import Testing

struct ReadinessTests {
    func snap(_ name: String, size: Int64 = 1_000, modified: Double = 1_000, changed: Double = 1_000) -> FileSnapshot {
        FileSnapshot(name: name, size: size, modified: modified, changed: changed)
    }

    @Test func aFileStillGrowingIsNotReady() {
        let before = snap("a.zip", size: 500)
        let now = snap("a.zip", size: 900)
        #expect(Readiness.ready(current: [now], previous: ["a.zip": before], markers: [:], now: 5_000, minimumAge: 60, limit: 10) == [])
    }

    @Test func aFileUnchangedAcrossTwoPollsAndOldEnoughIsReady() {
        let s = snap("a.zip")
        #expect(Readiness.ready(current: [s], previous: ["a.zip": s], markers: [:], now: 1_060, minimumAge: 60, limit: 10) == [s])
        #expect(Readiness.ready(current: [s], previous: ["a.zip": s], markers: [:], now: 1_059, minimumAge: 60, limit: 10) == [])
        #expect(Readiness.ready(current: [s], previous: [:], markers: [:], now: 9_999, minimumAge: 60, limit: 10) == [])
    }

    /// `cp -p` keeps last year's modification time, but the status-change time says "just now".
    @Test func aCopyThatKeptAnOldModificationTimeIsJudgedByItsChangeTime() {
        let copied = snap("a.zip", modified: 100, changed: 5_000)
        #expect(Readiness.ready(current: [copied], previous: ["a.zip": copied], markers: [:], now: 5_030, minimumAge: 60, limit: 10) == [])
        #expect(Readiness.ready(current: [copied], previous: ["a.zip": copied], markers: [:], now: 5_060, minimumAge: 60, limit: 10) == [copied])
    }

    @Test func aDoneMarkerMakesABundleReadyAtOnce() {
        let fresh = snap("a.zip", modified: 5_000, changed: 5_000)
        let marker = snap("a.zip.done", size: 0, modified: 5_001, changed: 5_001)
        #expect(Readiness.ready(current: [fresh], previous: [:], markers: ["a.zip.done": marker], now: 5_001, minimumAge: 60, limit: 10) == [fresh])
    }

    /// A marker left behind by an earlier bundle of the same name is older than the new copy, which
    /// may still be arriving: it waits like any bundle without a marker.
    @Test func aMarkerOlderThanItsBundleDoesNotMakeItReady() {
        let arriving = snap("a.zip", size: 4_000, modified: 5_000, changed: 5_000)
        let leftOver = snap("a.zip.done", size: 0, modified: 1_000, changed: 1_000)
        #expect(Readiness.ready(current: [arriving], previous: [:], markers: ["a.zip.done": leftOver], now: 5_001, minimumAge: 60, limit: 10) == [])
        #expect(Readiness.isStale(marker: leftOver, bundle: arriving))
        #expect(Readiness.isStale(marker: leftOver, bundle: nil))
        #expect(!Readiness.isStale(marker: snap("a.zip.done", modified: 5_000, changed: 5_000), bundle: arriving))
    }

    @Test func hiddenTemporaryAndNonZipFilesAreNeverTaken() {
        for name in [".a.zip", "a.zip.part", "a.zip.tmp", "~a.zip", "a.zip.done", "notes.txt", "a.zip.crdownload"] {
            #expect(!Readiness.isCandidate(name), "\(name)")
        }
        #expect(Readiness.isCandidate("Lumen 2026-11.ZIP"))
    }

    @Test func oldestFirstAndAtMostTheCapPerPass() {
        let a = snap("a.zip", modified: 300, changed: 300), b = snap("b.zip", modified: 100, changed: 100), c = snap("c.zip", modified: 200, changed: 200)
        let ready = Readiness.ready(current: [a, b, c], previous: ["a.zip": a, "b.zip": b, "c.zip": c], markers: [:], now: 1_000, minimumAge: 0, limit: 2)
        #expect(ready.map(\.name) == ["b.zip", "c.zip"])
    }
}
