import CardBatchCore
import CardBatchLedger
import CardBatchPipeline
import CardBatchSamples
import CardBatchTestSupport
import Foundation
import Testing

/// What is SQLite's own: concurrent opening, file permissions. The contract is in `LedgerContractTests`.
struct SQLiteLedgerTests {
    /// Two watchers started together open a fresh ledger at the same instant; neither may fail with
    /// "database is locked" while the other switches the file to WAL or creates the tables.
    @Test func manyConnectionsOpeningAFreshLedgerAtOnceAllSucceed() throws {
        for round in 0..<20 {
            let dir = TemporaryDirectory()
            let failures = Locked<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                do { _ = try SQLiteLedger(path: dir.file("l.sqlite"), secret: .forTests) } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
            #expect(failures.withLock { $0 } == [], "round \(round)")
        }
    }

    @Test func theLedgerFileIsOwnerOnly() throws {
        let dir = TemporaryDirectory()
        _ = try SQLiteLedger(path: dir.file("l.sqlite"), secret: .forTests)
        let mode = (try FileManager.default.attributesOfItem(atPath: dir.file("l.sqlite"))[.posixPermissions] as! NSNumber).intValue
        #expect(mode == 0o600)
    }
}
