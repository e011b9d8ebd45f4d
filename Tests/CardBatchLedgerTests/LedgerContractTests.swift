import CardBatchCore
import CardBatchLedger
import CardBatchTestSupport
import Foundation
import Testing

/// Every ledger keeps the same contract (reserve, complete, abandon, recover; journeys), so these
/// run against each implementation: SQLite, PostgreSQL (a throwaway server the tests start, one
/// database per test) and the in-memory one the watcher tests use.
struct LedgerContractTests {
    enum Kind: String, CaseIterable, CustomTestStringConvertible {
        case sqlite, postgres, memory
        var testDescription: String { rawValue }

        func make(_ dir: TemporaryDirectory) throws -> any Ledger & JourneyLog {
            switch self {
            case .sqlite: try SQLiteLedger(path: dir.file("l.sqlite"), secret: .forTests)
            case .postgres: try PostgresLedger(connection: try PostgresServer.shared().createDatabase("contract"), secret: .forTests)
            case .memory: InMemoryLedger()
            }
        }
    }

    func bundle(_ sha: String, _ output: String = "/nowhere") -> LedgerBundle {
        LedgerBundle(sha256: sha, name: "\(sha).zip", output: output, processedAt: "2026-11-25T20:00:00Z", processingDate: "2026-11-25", outcome: "accepted")
    }
    let anna = EmployeeIdentity(nationality: "FRA", passportNumber: "19AB12345", recordKey: "FRA-1")
    let ben = EmployeeIdentity(nationality: "GBR", passportNumber: "123456789", recordKey: "GBR-2")

    @Test(arguments: Kind.allCases)
    func anEmployeeReservedByOneBundleIsAConflictForAnotherAndTheBundleIsRecordedOnce(_ kind: Kind) throws {
        let dir = TemporaryDirectory()
        let ledger = try kind.make(dir)
        #expect(try ledger.reserve(bundle("a"), employees: [anna, ben]) == [:])
        try ledger.complete(sha256: "a", outcome: "accepted", accepted: [anna, ben])
        let conflicts = try ledger.reserve(bundle("b"), employees: [anna, EmployeeIdentity(nationality: "BEL", passportNumber: "19AB12345", recordKey: "BEL-3")])
        #expect(conflicts.keys.map(\.recordKey) == ["FRA-1"])
        #expect(conflicts[anna]?.name == "a.zip")
        #expect(try ledger.recordedBundle(sha256: "a")?.outcome == "accepted")
        #expect(throws: LedgerConflict.self) { _ = try ledger.reserve(bundle("a"), employees: []) }
    }

    @Test(arguments: Kind.allCases)
    func onlyTheEmployeesFinallyAcceptedStayReserved(_ kind: Kind) throws {
        let dir = TemporaryDirectory()
        let ledger = try kind.make(dir)
        _ = try ledger.reserve(bundle("a"), employees: [anna, ben])
        try ledger.complete(sha256: "a", outcome: "partially-accepted", accepted: [anna])
        #expect(try ledger.reserve(bundle("b"), employees: [ben]) == [:])
    }

    /// Thousands of employees, read as a lazy sequence (as the pipeline reads its results spill): the
    /// ones held elsewhere are named, and completing keeps exactly the accepted ones, beyond the
    /// thousand keys PostgreSQL is sent at a time.
    @Test(arguments: Kind.allCases)
    func aLargeBundleKeepsExactlyItsAcceptedEmployeesAndNamesItsConflicts(_ kind: Kind) throws {
        let dir = TemporaryDirectory()
        let ledger = try kind.make(dir)
        let staff = (0..<2_500).map { EmployeeIdentity(nationality: "FRA", passportNumber: "P\($0)", recordKey: "FRA-\($0)") }
        _ = try ledger.reserve(bundle("held"), employees: [staff[7], staff[2_000]])
        try ledger.complete(sha256: "held", outcome: "accepted", accepted: [staff[7], staff[2_000]])
        let conflicts = try ledger.reserve(bundle("big"), employees: staff.indices.lazy.map { staff[$0] })
        #expect(Set(conflicts.keys.map(\.recordKey)) == ["FRA-7", "FRA-2000"])
        #expect(conflicts[staff[2_000]]?.name == "held.zip")
        // Two employees rejected after reserving (besides the two held elsewhere).
        let rejected: Set<Int> = [0, 1_499]
        let accepted = staff.indices.lazy.filter { !rejected.contains($0) && $0 != 7 && $0 != 2_000 }.map { staff[$0] }
        try ledger.complete(sha256: "big", outcome: "partially-accepted", accepted: accepted)
        let again = try ledger.reserve(bundle("later"), employees: [staff[0], staff[1_499], staff[1], staff[2_499], staff[1_000]])
        #expect(Set(again.keys.map(\.recordKey)) == ["FRA-1", "FRA-2499", "FRA-1000"])
        #expect(again[staff[1]]?.name == "big.zip")
    }

    @Test(arguments: Kind.allCases)
    func anAbandonedReservationFreesItsBundleAndEmployees(_ kind: Kind) throws {
        let dir = TemporaryDirectory()
        let ledger = try kind.make(dir)
        _ = try ledger.reserve(bundle("a"), employees: [anna])
        try ledger.abandon(sha256: "a")
        #expect(try ledger.recordedBundle(sha256: "a") == nil)
        #expect(try ledger.reserve(bundle("b"), employees: [anna]) == [:])
    }

    /// Reserved bytes are not a processed bundle until completed: the reserver may stop before
    /// publishing. Reserving them again is told they are pending, and this process's own pending
    /// reservation is live, so resolving leaves it.
    @Test(arguments: Kind.allCases)
    func pendingBytesAreNotARecordedBundleAndReservingThemAgainIsToldTheyArePending(_ kind: Kind) throws {
        let dir = TemporaryDirectory()
        let ledger = try kind.make(dir)
        _ = try ledger.reserve(bundle("a"), employees: [anna])
        #expect(try ledger.recordedBundle(sha256: "a") == nil)
        #expect { _ = try ledger.reserve(bundle("a"), employees: []) } throws: { error in
            if case LedgerConflict.bundlePending(let earlier) = error { earlier.name == "a.zip" } else { false }
        }
        #expect(try !ledger.resolvePending(sha256: "a") { _ in nil })
        try ledger.complete(sha256: "a", outcome: "accepted", accepted: [anna])
        #expect(try ledger.recordedBundle(sha256: "a")?.outcome == "accepted")
        #expect { _ = try ledger.reserve(bundle("a"), employees: []) } throws: { error in
            if case LedgerConflict.bundleAlreadyRecorded = error { true } else { false }
        }
        #expect(try ledger.resolvePending(sha256: "a") { _ in nil })
        #expect(try ledger.resolvePending(sha256: "never-reserved") { _ in nil })
    }

    @Test(arguments: Kind.allCases)
    func recoveryCompletesPublishedBundlesAndRollsBackTheOthers(_ kind: Kind) throws {
        let dir = TemporaryDirectory()
        let ledger = try kind.make(dir)
        _ = try ledger.reserve(bundle("published", dir.file("published")), employees: [anna])
        _ = try ledger.reserve(bundle("lost", dir.file("lost")), employees: [ben])
        let outcome = try ledger.recover { $0.sha256 == "published" ? "accepted" : nil }
        #expect(outcome.completed == ["published.zip"])
        #expect(outcome.rolledBack == ["lost.zip"])
        #expect(try ledger.recordedBundle(sha256: "lost") == nil)
        #expect(try ledger.reserve(bundle("c"), employees: [anna, ben]).keys.map(\.recordKey) == ["FRA-1"])
    }

    @Test(arguments: Kind.allCases)
    func aJourneyIsActiveFromReceiptUntilItIsFinishedAndCountsItsAttempts(_ kind: Kind) throws {
        let dir = TemporaryDirectory()
        let ledger = try kind.make(dir)
        var journey = Journey(claim: "processing/h-1/a.zip", original: "a.zip", state: .received, attempts: 0, outputName: "a",
                              receivedAt: "2026-11-25T01:00:00Z", updatedAt: "2026-11-25T01:00:00Z")
        try ledger.received(journey)
        #expect(try ledger.startAttempt(claim: journey.claim, at: "2026-11-25T01:00:01Z") == 1)
        try ledger.relocate(claim: journey.claim, to: "processing/h-2/a.zip", at: "2026-11-25T01:00:02Z")
        #expect(try ledger.activeJourney(claim: "processing/h-1/a.zip") == nil)
        #expect(try ledger.startAttempt(claim: "processing/h-2/a.zip", at: "2026-11-25T01:00:03Z") == 2)
        journey.claim = "processing/h-2/a.zip"
        journey.state = .done
        journey.outcome = "accepted"
        journey.destination = "archive/a.zip"
        journey.updatedAt = "2026-11-25T01:00:04Z"
        try ledger.finish(journey)
        #expect(try ledger.activeJourneys() == [])
        let finished = try ledger.journeys(since: "2026-11-25")
        #expect(finished.map(\.state) == [.done] && finished.first?.attempts == 2 && finished.first?.destination == "archive/a.zip")
        #expect(try ledger.journeys(since: "2026-11-26") == [])
    }
}
