import CardBatchCore
import CardBatchIntake
import CardBatchNative
import CardBatchSamples
import CardBatchTestSupport
import Foundation
import Testing

/// The roster spill is a real file, unlinked at once, read back by `pread` from several threads.
struct RosterSpillTests {
    @Test func aRosterParsedIntoTheSpillEqualsTheOneParsedInMemoryAndLeavesNoFile() throws {
        let dir = TemporaryDirectory()
        let spill = try RosterSpill(folder: dir.path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "unlinked as soon as it is created")
        let rows = SampleData.employees(count: 40, seed: 9)
        let csv = Array(RosterWriter.csv(employer: SampleData.employer, employees: rows).utf8)
        let context = RuleContext(processingDate: Fixtures.date, bundle: "b.zip", rosterEntry: "roster.csv")
        let inMemory = try #require(CSVRosterParser.parse(bytes: csv, entry: "roster.csv", context: context).roster)
        let spilled = try #require(CSVRosterParser.parse(decoded: RosterText.decode(csv), entry: "roster.csv", context: context,
                                                         into: EmployeeRecords(storage: spill)).roster)
        #expect(spilled.employees.count == 40)
        #expect(spilled == inMemory)
        #expect(spill.failure == nil)
        // Read from several threads at once, as the workers do.
        let mismatches = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for index in stride(from: worker, to: 40, by: 4) where spilled.employees[index] != inMemory.employees[index] {
                mismatches.withLock { $0 += 1 }
            }
        }
        #expect(mismatches.withLock { $0 } == 0)
    }

    @Test func aSpillInAFolderThatDoesNotExistIsRefusedWithItsPath() {
        let dir = TemporaryDirectory()
        #expect {
            _ = try RosterSpill(folder: dir.file("missing"))
        } throws: { error in
            (error as? SpillFileError)?.message.contains(dir.file("missing")) == true
        }
    }
}
