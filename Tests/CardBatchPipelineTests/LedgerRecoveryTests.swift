import CardBatchCore
import CardBatchLedger
import CardBatchOutput
import CardBatchPipeline
import CardBatchSamples
import CardBatchTestSupport
import Foundation
import Testing

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

        let ledger = try SQLiteLedger(path: dir.file("ledger.sqlite"), secret: .forTests)
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
