import CardBatchCore
import CardBatchLedger
import CardBatchPipeline
import CardBatchSamples
import CardBatchTestSupport
import Foundation
import Testing

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
