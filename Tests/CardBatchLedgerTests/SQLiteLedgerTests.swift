import CardBatchCore
import CardBatchLedger
import CardBatchPipeline
import CardBatchSamples
import CardBatchTestSupport
import Foundation
import Synchronization
import Testing

struct SQLiteLedgerTests {
    func bundle(_ sha: String, _ output: String = "/nowhere") -> LedgerBundle {
        LedgerBundle(sha256: sha, name: "\(sha).zip", output: output, processedAt: "2026-11-25T20:00:00Z", processingDate: "2026-11-25", outcome: "accepted")
    }
    let anna = EmployeeIdentity(nationality: "FRA", passportNumber: "19AB12345", recordKey: "FRA-1")
    let ben = EmployeeIdentity(nationality: "GBR", passportNumber: "123456789", recordKey: "GBR-2")

    @Test func anEmployeeReservedByOneBundleIsAConflictForAnotherAndTheBundleIsRecordedOnce() throws {
        let dir = TemporaryDirectory()
        let ledger = try SQLiteLedger(path: dir.file("l.sqlite"))
        #expect(try ledger.reserve(bundle("a"), employees: [anna, ben]) == [:])
        try ledger.complete(sha256: "a", outcome: "accepted", accepted: [anna, ben])
        let conflicts = try ledger.reserve(bundle("b"), employees: [anna, EmployeeIdentity(nationality: "BEL", passportNumber: "19AB12345", recordKey: "BEL-3")])
        #expect(conflicts.keys.map(\.recordKey) == ["FRA-1"])
        #expect(conflicts[anna]?.name == "a.zip")
        #expect(try ledger.recordedBundle(sha256: "a")?.outcome == "accepted")
        #expect(throws: LedgerConflict.self) { _ = try ledger.reserve(bundle("a"), employees: []) }
    }

    @Test func onlyTheEmployeesFinallyAcceptedStayReserved() throws {
        let dir = TemporaryDirectory()
        let ledger = try SQLiteLedger(path: dir.file("l.sqlite"))
        _ = try ledger.reserve(bundle("a"), employees: [anna, ben])
        try ledger.complete(sha256: "a", outcome: "partially-accepted", accepted: [anna])
        #expect(try ledger.reserve(bundle("b"), employees: [ben]) == [:])
    }

    @Test func recoveryCompletesPublishedBundlesAndRollsBackTheOthers() throws {
        let dir = TemporaryDirectory()
        let ledger = try SQLiteLedger(path: dir.file("l.sqlite"))
        _ = try ledger.reserve(bundle("published", dir.file("published")), employees: [anna])
        _ = try ledger.reserve(bundle("lost", dir.file("lost")), employees: [ben])
        let outcome = try ledger.recover { $0.sha256 == "published" ? "accepted" : nil }
        #expect(outcome.completed == ["published.zip"])
        #expect(outcome.rolledBack == ["lost.zip"])
        #expect(try ledger.recordedBundle(sha256: "lost") == nil)
        #expect(try ledger.reserve(bundle("c"), employees: [anna, ben]).keys.map(\.recordKey) == ["FRA-1"])
    }

    /// Two watchers started together open a fresh ledger at the same instant; neither may fail with
    /// "database is locked" while the other switches the file to WAL or creates the tables.
    @Test func manyConnectionsOpeningAFreshLedgerAtOnceAllSucceed() throws {
        for round in 0..<20 {
            let dir = TemporaryDirectory()
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                do { _ = try SQLiteLedger(path: dir.file("l.sqlite")) } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
            #expect(failures.withLock { $0 } == [], "round \(round)")
        }
    }

    @Test func theLedgerFileIsOwnerOnly() throws {
        let dir = TemporaryDirectory()
        _ = try SQLiteLedger(path: dir.file("l.sqlite"))
        let mode = (try FileManager.default.attributesOfItem(atPath: dir.file("l.sqlite"))[.posixPermissions] as! NSNumber).intValue
        #expect(mode == 0o600)
    }
}
