import CardBatchCore
@testable import CardBatchOutput
import CardBatchTestSupport
import Dispatch
import Foundation
import Testing

struct ResultSpillTests {
    /// Employees unlike each other in every part the spill stores: optionals nil, empty and set,
    /// Chinese and combining text, XML paths, errors and warnings, a thumbnail.
    static func varied() -> [EmployeeResult] {
        (1...40).map { row in
            var values: [RosterField: String] = [.surname: "MÜLLER-\(row)", .givenNames: row % 3 == 0 ? "" : "ANNA E\u{301}",
                                                  .chineseName: "穆勒\(row)", .passportNumber: "C\(row)XK9", .nationality: "D"]
            if row % 5 == 0 { values[.photo] = "照片/\(row).jpg" }
            let record = EmployeeRecord(row: row, line: row % 4 == 0 ? nil : row + 1, path: row % 2 == 0 ? "/roster/employee[\(row)]" : nil,
                                        format: row % 2 == 0 ? .xml : .csv, values: values)
            var photo: PhotoFacts? = nil
            if row % 7 != 0 {
                photo = PhotoFacts(entry: "photos/\(row).jpg", byteCount: 40_000 + row, signature: row % 6 == 0 ? .png : .jpeg, jpeg: nil,
                                   sha256: String(repeating: String(row % 10), count: 64))
            }
            let findings = (0..<(row % 4)).map { i in
                Finding(rule: i == 0 ? "photo.size" : "employee.name", severity: i == 1 ? .warning : .error, scope: .employee,
                        location: Location(bundle: "b.zip", entry: "roster.csv", line: row % 4 == 0 ? nil : row + 1, row: row, path: nil),
                        field: i == 2 ? nil : "surname", value: i == 0 ? "" : "值 \(i)", expected: i == 1 ? nil : "≥ \(i)",
                        message: LocalizedText(en: "Row \(row): problem \(i)", zh: "第 \(row) 行：问题 \(i)"))
            }
            var result = EmployeeResult(record: record, recordKey: "K\(row)", photo: photo, findings: findings)
            if row % 3 == 1 { result.thumbnail = "rejected/row-\(row).jpg" }
            return result
        }
    }

    static func same(_ a: EmployeeResult, _ b: EmployeeResult) -> Bool {
        a.record == b.record && a.recordKey == b.recordKey && a.photo == b.photo && a.findings == b.findings
            && a.thumbnail == b.thumbnail && a.isAccepted == b.isAccepted
    }

    @Test func everyResultWrittenByConcurrentWorkersReadsBackExactlyInRosterOrder() throws {
        let dir = TemporaryDirectory()
        let expected = Self.varied()
        let builder = EmployeeResultsBuilder(count: expected.count, spill: try ResultSpill(folder: dir.path, mode: 0o600))
        let failures = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for index in stride(from: worker, to: expected.count, by: 4).reversed() {
                do { try builder.set(expected[index], at: index) } catch { failures.withLock { $0 += 1 } }
            }
        }
        #expect(failures.withLock { $0 } == 0)
        let results = builder.finish()
        #expect(results.count == expected.count)
        #expect(zip(results, expected).allSatisfy(Self.same))
        #expect(results.acceptedCount == expected.filter(\.isAccepted).count)
        // Read from several threads at once, too.
        let mismatches = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for i in results.indices where !Self.same(results[i], expected[i]) { mismatches.withLock { $0 += 1 } }
        }
        #expect(mismatches.withLock { $0 } == 0)
    }

    @Test func theSpillIsNeverAFileInTheFolderItWasMadeIn() throws {
        let dir = TemporaryDirectory()
        let builder = EmployeeResultsBuilder(count: 1, spill: try ResultSpill(folder: dir.path, mode: 0o600))
        try builder.set(Self.varied()[0], at: 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        #expect(Self.same(builder.finish()[0], Self.varied()[0]))
    }

    @Test func everyShortenedRecordIsRefusedRatherThanReadPastItsEnd() {
        for result in Self.varied().prefix(8) {
            var encoder = SpillEncoder()
            result.encode(into: &encoder)
            let bytes = encoder.bytes
            for cut in 0..<bytes.count {
                let decoded = bytes[0..<cut].withUnsafeBytes { raw -> EmployeeResult? in
                    var decoder = SpillDecoder(raw)
                    guard let r = EmployeeResult(decoding: &decoder), decoder.isAtEnd else { return nil }
                    return r
                }
                #expect(decoded == nil, "a record cut to \(cut) of \(bytes.count) bytes decoded")
            }
        }
    }

    @Test func integersOfEverySizeAndSignRoundTrip() {
        let values = [0, 1, -1, 63, -64, 64, 127, 128, 300, -300, Int(Int32.max), Int(Int32.min), Int.max, Int.min]
        var encoder = SpillEncoder()
        for v in values { encoder.integer(v) }
        encoder.bytes.withUnsafeBytes { raw in
            var decoder = SpillDecoder(raw)
            #expect(values.map { _ in decoder.integer() } == values)
            #expect(decoder.isAtEnd)
        }
    }

    @Test func findingsAddedLaterDecideTheVerdictAndAreReadBackWithTheResult() throws {
        let dir = TemporaryDirectory()
        let expected = Self.varied()
        let builder = EmployeeResultsBuilder(count: expected.count, spill: try ResultSpill(folder: dir.path, mode: 0o600))
        for (i, r) in expected.enumerated() { try builder.set(r, at: i) }
        let accepted = try #require(expected.indices.first { expected[$0].isAccepted })
        let extra = Finding(rule: "photo.duplicate", severity: .error, scope: .employee, location: Location(bundle: "b.zip", row: accepted + 1),
                            message: LocalizedText(en: "shared", zh: "相同"))
        let before = builder.finish()
        let after = before.adding([accepted: [extra]])
        #expect(before.isAccepted(at: accepted))
        #expect(!after.isAccepted(at: accepted))
        #expect(after.acceptedCount == before.acceptedCount - 1)
        #expect(after[accepted].findings.contains(extra))
        #expect(!after[accepted].isAccepted)
        #expect(Array(after.rejected).count == expected.count - after.acceptedCount)
    }

    @Test func bundleFindingsMergedIntoTheEmployeesStreamComeInTheOrderOfASortOfAll() {
        let bundleFindings = [
            Finding(rule: "letter.signature", severity: .warning, scope: .bundle, location: Location(bundle: "b.zip", entry: "letter.pdf"),
                    message: LocalizedText(en: "unsigned", zh: "未签")),
            Finding(rule: "roster.header", severity: .warning, scope: .bundle, location: Location(bundle: "b.zip", entry: "roster.csv", line: 9),
                    message: LocalizedText(en: "header", zh: "表头")),
            Finding(rule: "zip.junk", severity: .warning, scope: .bundle, location: Location(bundle: "b.zip"),
                    message: LocalizedText(en: "junk", zh: "垃圾")),
        ]
        let inOrder = Self.varied().filter { $0.record.line != nil }
        let result = BundleResult(bundleFile: "b.zip", sha256: "", byteCount: 0, processingDate: CalendarDate(year: 2026, month: 11, day: 25)!,
                                  rosterFormat: .csv, header: nil, bundleFindings: bundleFindings, employees: inOrder)
        #expect(Array(result.sortedFindings) == (bundleFindings + inOrder.flatMap(\.findings)).sorted())
        // Employees whose findings are not in order as they come (no line for some) are sorted whole.
        let mixed = BundleResult(bundleFile: "b.zip", sha256: "", byteCount: 0, processingDate: CalendarDate(year: 2026, month: 11, day: 25)!,
                                 rosterFormat: .csv, header: nil, bundleFindings: bundleFindings, employees: Self.varied())
        #expect(Array(mixed.sortedFindings) == (bundleFindings + Self.varied().flatMap(\.findings)).sorted())
        #expect(Array(mixed.sortedFindings).count == bundleFindings.count + Self.varied().flatMap(\.findings).count)
    }
}
