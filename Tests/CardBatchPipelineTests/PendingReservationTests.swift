import CardBatchCore
import CardBatchLedger
import CardBatchNative
import CardBatchOutput
import CardBatchPipeline
import CardBatchTestSupport
import Dispatch
import Foundation
import Testing

/// A bundle whose bytes another run has reserved in a shared ledger but not completed: that run may
/// have stopped before publishing (a watcher killed mid-way whose bundle another host took over) or
/// still be publishing. Against a real PostgreSQL server the suite starts.
struct PendingReservationTests {
    struct Setup {
        let dir = TemporaryDirectory()
        let url: String
        let path: String
        let sha: String

        init(_ label: String) throws {
            url = try PostgresServer.shared().createDatabase(label)
            path = try Fixtures.write(Fixtures.cleanBundle(Fixtures.employees(2, seed: 31)), "acme.zip", in: dir)
            sha = try SHA256.hex(fileAt: path)
        }

        /// Another host's session holding these bytes pending, with the output folder this run uses.
        func reserveElsewhere() throws -> PostgresLedger {
            let holder = try PostgresLedger(connection: url, secret: .forTests, settings: .init(host: "elsewhere"))
            _ = try holder.reserve(LedgerBundle(sha256: sha, name: "acme.zip", output: dir.file("out/acme"), processedAt: "2026-11-25T20:00:00Z",
                                                processingDate: "2026-11-25", outcome: "accepted"), employees: [])
            return holder
        }

        func run(pendingWait: Double = 600) throws -> (BundleRun, PostgresLedger) {
            let ledger = try PostgresLedger(connection: url, secret: .forTests)
            var options = ProcessingOptions(mode: .process, outputDirectory: dir.file("out"), processingDate: Fixtures.date, workers: 2, ledger: ledger)
            options.pendingWait = pendingWait
            return (BatchRunner.run(BundleJob.jobs(for: [path]), options: options)[0], ledger)
        }
    }

    /// The failure this pins down: the bundle was filed as a "resubmission" of the stopped run's
    /// reservation (the same output folder, so taken for this run's own earlier attempt), then that
    /// reservation was rolled back, and the bundle ended with no outputs and no ledger record.
    @Test func bytesAStoppedRunLeftPendingAreJudgedAndPublishedNotCalledAResubmissionOfThemselves() throws {
        let setup = try Setup("pendingdead")
        let holder = try setup.reserveElsewhere()
        holder.close()
        try holder.expireLease(url: setup.url)

        let (run, ledger) = try setup.run()
        guard case .judged(let outcome) = run else { Issue.record("not judged: \(run)"); return }
        #expect(outcome.result.resubmissionOf == nil)
        #expect(outcome.result.status == .accepted)
        #expect(outcome.manifestSHA256 != nil)
        #expect(FileManager.default.fileExists(atPath: setup.dir.file("out/acme/accepted/records.csv")))
        #expect(try ledger.recordedBundle(sha256: setup.sha)?.outcome == "accepted")
        #expect(try PostgresConnection(setup.url).query("SELECT count(*) FROM employees").first?[0] == "2")
    }

    /// Employees held by another bundle that a stopped run left pending are not taken: that bundle is
    /// rolled back (nothing of it was published) and this one accepts them. Held by a live run's
    /// pending bundle, they stay refused, naming it.
    @Test func employeesAStoppedRunsPendingBundleHeldAreAcceptedButALiveRunsStayRefused() throws {
        let setup = try Setup("pendingemployees")
        let judged = BatchRunner.run(BundleJob.jobs(for: [setup.path]),
                                     options: ProcessingOptions(mode: .process, outputDirectory: setup.dir.file("first"), processingDate: Fixtures.date))
        guard case .judged(let first) = judged[0] else { Issue.record("not judged"); return }
        let identities = first.result.accepted.map(\.identity)
        #expect(identities.count == 2)
        func other(_ sha: String) -> LedgerBundle {
            LedgerBundle(sha256: sha, name: "\(sha).zip", output: setup.dir.file("out/\(sha)"), processedAt: "2026-11-25T20:00:00Z",
                         processingDate: "2026-11-25", outcome: "accepted")
        }
        let stopped = try PostgresLedger(connection: setup.url, secret: .forTests, settings: .init(host: "stopped"))
        let live = try PostgresLedger(connection: setup.url, secret: .forTests, settings: .init(host: "live"))
        _ = try stopped.reserve(other("stopped"), employees: [identities[0]])
        _ = try live.reserve(other("live"), employees: [identities[1]])
        stopped.close()
        try stopped.expireLease(url: setup.url)

        let (run, ledger) = try setup.run()
        guard case .judged(let outcome) = run else { Issue.record("not judged: \(run)"); return }
        #expect(outcome.result.status == .partiallyAccepted)
        #expect(outcome.result.accepted.map(\.identity) == [identities[0]])
        let refused = Array(outcome.result.rejected.flatMap(\.findings).filter { $0.rule == "employee.already-accepted" })
        #expect(refused.count == 1 && refused.allSatisfy { $0.message.en.contains("live.zip") }, "\(refused.map(\.message.en))")
        #expect(try ledger.recordedBundle(sha256: setup.sha)?.outcome == "partially-accepted")
        #expect(try PostgresConnection(setup.url).query("SELECT count(*) FROM bundles WHERE sha256 = 'stopped'").first?[0] == "0")
        try live.confirm(sha256: "live")
    }

    /// A live holder is waited for, and once it has completed the bytes this run is a resubmission.
    @Test func bytesALiveRunHoldsPendingAreWaitedForThenNamedAsItsResubmission() throws {
        let setup = try Setup("pendinglive")
        let holder = try setup.reserveElsewhere()
        let finished = DispatchSemaphore(value: 0)
        let completed = Locked(false)
        DispatchQueue.global().asyncAfter(deadline: .now() + 2.0) {
            // Set first: the run may see the completion before this block goes on.
            completed.withLock { $0 = true }
            try? holder.complete(sha256: setup.sha, outcome: "accepted", accepted: [])
            finished.signal()
        }
        let (run, _) = try setup.run()
        #expect(completed.withLock { $0 }, "the run ended before the live holder completed the bytes")
        finished.wait()
        guard case .judged(let outcome) = run else { Issue.record("not judged: \(run)"); return }
        #expect(outcome.result.status == .resubmission)
        #expect(outcome.result.resubmissionOf?.output == setup.dir.file("out/acme"))
        #expect(outcome.manifestSHA256 == nil)
        #expect(!FileManager.default.fileExists(atPath: setup.dir.file("out/acme")))
    }

    /// A live holder that does not finish within the wait: the bundle fails (tried again later), it is
    /// neither published nor taken for a resubmission.
    @Test func bytesALiveRunKeepsPendingPastTheWaitFailTheBundleSayingSo() throws {
        let setup = try Setup("pendingwait")
        let holder = try setup.reserveElsewhere()
        let (run, ledger) = try setup.run(pendingWait: 0.5)
        guard case .failed(_, let error) = run else { Issue.record("not a failure: \(run)"); return }
        #expect(error.description.contains("acme.zip"))
        #expect(error.description.contains("reserved by another run that has not finished publishing them"))
        #expect(!FileManager.default.fileExists(atPath: setup.dir.file("out/acme")))
        #expect(try ledger.recordedBundle(sha256: setup.sha) == nil)
        try holder.confirm(sha256: setup.sha)
    }
}
