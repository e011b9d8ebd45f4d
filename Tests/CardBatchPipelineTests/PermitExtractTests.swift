import CardBatchCore
import CardBatchNative
import CardBatchOutput
import CardBatchPipeline
import CardBatchSamples
import CardBatchTestSupport
import Foundation
import Testing

struct PermitExtractTests {
    @Test func withAPermitsFileEveryEmployeeMustMatchAPermitForTheSamePassport() throws {
        let rows = Fixtures.employees(3)
        let dir = TemporaryDirectory()
        let bundle = try Fixtures.write(Fixtures.cleanBundle(rows), "bundle.zip", in: dir)
        var csv = "Permit_Number,Nationality,Passport_Number,Name,Expiry,Issuer\n"
        csv += "\(rows[0][.workPermitNumber]!),\(rows[0][.nationality]!),\(rows[0][.passportNumber]!),\(rows[0][.surname]!),\(rows[0][.workPermitExpiry]!),SH\n"
        csv += "\(rows[1][.workPermitNumber]!),\(rows[1][.nationality]!),ZZ0000000,\(rows[1][.surname]!),\(rows[1][.workPermitExpiry]!),SH\n"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: dir.file("permits.csv")))
        let run = try CardBatchBinary.run(["process", bundle, "--out", dir.file("out"), "--date", "2026-11-25", "--permits", dir.file("permits.csv"), "--json"])
        #expect(run.status == 1)
        let report = try String(contentsOfFile: dir.file("out/bundle/bundle-report.json"), encoding: .utf8)
        #expect(report.contains("differs from the work permit list, which gives \\\"ZZ0000000\\\""))
        #expect(report.contains("is not in the list of valid work permits (permits.csv)"))
        #expect(run.stdout.contains("\"accepted\":1"))
    }

    @Test func aPermitsFileWithoutTheRequiredColumnsIsAUsageError() throws {
        let dir = TemporaryDirectory()
        try Data("permit,passport\n1,2\n".utf8).write(to: URL(fileURLWithPath: dir.file("p.csv")))
        let run = try CardBatchBinary.run(["process", CardBatchBinary.root + "/samples/clean-csv.zip", "--out", dir.file("o"), "--permits", dir.file("p.csv")])
        #expect(run.status == 64)
        #expect(run.stderr.contains("p.csv line 1: the header lacks permit_number"))
    }
}
