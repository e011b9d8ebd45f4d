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

/// The same bundle twice against one ledger, and a re-zipped copy of it.
struct ResubmissionTests {
    @Test func theSameBytesAreAResubmissionAndARezippedCopyIsRefusedPerEmployee() throws {
        let dir = TemporaryDirectory()
        let rows = Fixtures.employees(3)
        let first = try Fixtures.write(Fixtures.cleanBundle(rows), "march.zip", in: dir)
        let out = dir.file("out")
        let run1 = try CardBatchBinary.run(["process", first, "--out", out, "--date", "2026-11-25"])
        #expect(run1.status == 0)
        let reportBefore = FileManager.default.contents(atPath: out + "/march/bundle-report.json")

        let run2 = try CardBatchBinary.run(["process", first, "--out", out, "--date", "2026-11-25", "--json"])
        #expect(run2.status == 3)
        #expect(run2.stdout.contains("\"status\":\"resubmission\""))
        #expect(run2.stdout.contains("\"name\":\"march.zip\""))
        #expect(FileManager.default.contents(atPath: out + "/march/bundle-report.json") == reportBefore)

        // The same content zipped again (entries in another order): different bytes, same people.
        var again = BundleBuilder()
        again.add("authorization.pdf", DocumentWriters.pdf(text: "Authorization Letter"))
        for (i, row) in rows.enumerated().reversed() { again.add(row[.photo]!, Fixtures.photo(UInt64(i))) }
        again.add("roster.csv", text: RosterWriter.csv(employer: Fixtures.employer, employees: rows))
        let copy = try Fixtures.write(again, "march-again.zip", in: dir)
        let run3 = try CardBatchBinary.run(["process", copy, "--out", out, "--date", "2026-11-25"])
        #expect(run3.status == 1)
        let report = try String(contentsOfFile: out + "/march-again/bundle-report.json", encoding: .utf8)
        #expect(report.components(separatedBy: "\"employee.already-accepted\"").count - 1 == 3)
        #expect(report.contains("already accepted from bundle march.zip"))
        #expect(!FileManager.default.fileExists(atPath: out + "/march-again/accepted"))
    }

    @Test func withoutALedgerTheSameBundleIsProcessedAgain() throws {
        let dir = TemporaryDirectory()
        let bundle = try Fixtures.write(Fixtures.cleanBundle(Fixtures.employees(2)), "b.zip", in: dir)
        for _ in 0..<2 {
            #expect(try CardBatchBinary.run(["process", bundle, "--out", dir.file("out"), "--date", "2026-11-25", "--no-ledger"]).status == 0)
        }
        #expect(!FileManager.default.fileExists(atPath: dir.file("out/cardbatch-ledger.sqlite")))
    }
}

struct LedgerRecoveryTests {
    /// A run stopped between reserving and completing: the bundle whose folder was published is
    /// completed with the status its report shows; the one that never got published is rolled back,
    /// freeing its employees.
    @Test func recoveryMakesTheLedgerAgreeWithThePublishedFolders() throws {
        let dir = TemporaryDirectory()
        let rows = Fixtures.employees(2)
        let path = try Fixtures.write(Fixtures.cleanBundle(rows), "published.zip", in: dir)
        let runs = BatchRunner.run(BundleJob.jobs(for: [path]),
                                   options: ProcessingOptions(mode: .process, outputDirectory: dir.file("out"), processingDate: Fixtures.date))
        guard case .judged(let outcome) = runs[0] else { Issue.record("not judged"); return }

        let ledger = try SQLiteLedger(path: dir.file("ledger.sqlite"))
        func pending(_ sha: String, _ name: String, _ output: String) -> LedgerBundle {
            LedgerBundle(sha256: sha, name: name, output: output, processedAt: "2026-11-25T20:00:00Z", processingDate: "2026-11-25", outcome: "accepted")
        }
        _ = try ledger.reserve(pending(outcome.result.sha256, "published.zip", outcome.outputPath), employees: outcome.result.accepted.map(\.identity))
        let lost = EmployeeIdentity(nationality: "BEL", passportNumber: "LOST12345", recordKey: "BEL-x")
        _ = try ledger.reserve(pending("feedface", "lost.zip", dir.file("out/lost")), employees: [lost])

        let recovered = try BatchRunner.recover(ledger)
        #expect(recovered.completed == ["published.zip"])
        #expect(recovered.rolledBack == ["lost.zip"])
        #expect(try ledger.recordedBundle(sha256: outcome.result.sha256)?.outcome == "accepted")
        #expect(try ledger.reserve(pending("cafe", "next.zip", "/x"), employees: [lost] + outcome.result.accepted.map(\.identity)).count == 2)
    }
}
