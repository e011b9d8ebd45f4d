import CardBatchCore
import CardBatchLedger
import CardBatchNative
import CardBatchTestSupport
import Dispatch
import Foundation
import Testing

/// What only a shared PostgreSQL ledger does: hosts racing for the same employee or bundle, leases
/// that expire and claims taken over, migrations under concurrent start-up, a server that goes away.
/// Every test runs against a real server the suite starts (`PostgresServer`).
struct PostgresLedgerTests {
    func bundle(_ sha: String) -> LedgerBundle {
        LedgerBundle(sha256: sha, name: "\(sha).zip", output: "/nowhere/\(sha)", processedAt: "2026-11-25T20:00:00Z", processingDate: "2026-11-25", outcome: "accepted")
    }
    let anna = EmployeeIdentity(nationality: "FRA", passportNumber: "19AB12345", recordKey: "FRA-1")

    @Test func twoHostsReservingTheSameEmployeeAtOnceGetOneReservationAndOneConflictNamingTheOther() throws {
        let url = try PostgresServer.shared().createDatabase("race")
        for round in 0..<10 {
            let employee = EmployeeIdentity(nationality: "FRA", passportNumber: "R\(round)", recordKey: "FRA-R\(round)")
            let hosts = try [PostgresLedger(connection: url, secret: .forTests, settings: .init(host: "outlet-a")), PostgresLedger(connection: url, secret: .forTests, settings: .init(host: "outlet-b"))]
            let results = Locked<[Int: [EmployeeIdentity: LedgerBundle]]>([:])
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                let conflicts = try! hosts[i].reserve(bundle("r\(round)-\(i)"), employees: [employee, EmployeeIdentity(nationality: "GBR", passportNumber: "R\(round)-\(i)", recordKey: "own")])
                results.withLock { $0[i] = conflicts }
            }
            let seen = results.withLock { $0 }
            let losers = seen.filter { !$0.value.isEmpty }
            #expect(losers.count == 1, "round \(round): \(seen)")
            if let (loser, conflicts) = losers.first {
                #expect(conflicts[employee]?.sha256 == "r\(round)-\(1 - loser)")
                #expect(conflicts.count == 1)
            }
        }
    }

    @Test func theSameBundleReservedByTwoHostsIsRecordedOnceAndTheOtherIsTold() throws {
        let url = try PostgresServer.shared().createDatabase("samebundle")
        let a = try PostgresLedger(connection: url, secret: .forTests), b = try PostgresLedger(connection: url, secret: .forTests)
        _ = try a.reserve(bundle("x"), employees: [anna])
        #expect(throws: LedgerConflict.self) { _ = try b.reserve(bundle("x"), employees: []) }
        #expect(throws: (any Error).self) { try b.confirm(sha256: "x") }
        try a.confirm(sha256: "x")
    }

    @Test func aClaimIsExclusiveUntilItsHoldersLeaseExpiresThenAnotherHostTakesItOverOnce() throws {
        let url = try PostgresServer.shared().createDatabase("claims")
        let a = try PostgresLedger(connection: url, secret: .forTests, settings: .init(host: "a")), b = try PostgresLedger(connection: url, secret: .forTests, settings: .init(host: "b"))
        let c = try PostgresLedger(connection: url, secret: .forTests, settings: .init(host: "c"))
        #expect(try a.claim("one.zip", owner: "a-1"))
        #expect(try !b.claim("one.zip", owner: "b-1"))
        #expect(try b.takeOverExpired(owner: "b-1") == [])
        // Two takers at once, over many claims: each expired claim goes to exactly one of them.
        let names = (0..<40).map { "many-\($0).zip" }
        for name in names { #expect(try a.claim(name, owner: "a-1")) }
        try a.expireLease(url: url)
        let taken = Locked<[TakenOverClaim]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            for _ in 0..<5 {
                let got = try! [b, c][i].takeOverExpired(owner: ["b-1", "c-1"][i])
                taken.withLock { $0 += got }
            }
        }
        #expect(taken.withLock { $0 }.sorted { $0.name < $1.name } == (["one.zip"] + names).sorted().map { TakenOverClaim(name: $0, previousOwner: "a-1") })
        #expect(try !a.holds("one.zip"))
        #expect(try b.holds("one.zip") != c.holds("one.zip"))
        let holder = try b.holds("one.zip") ? b : c
        try holder.release("one.zip")
        #expect(try a.claim("one.zip", owner: "a-1"))
    }

    @Test func aPendingBundleOfADeadHostIsRecoveredByAnotherButALiveHostsIsLeftAlone() throws {
        let url = try PostgresServer.shared().createDatabase("recover")
        let dead = try PostgresLedger(connection: url, secret: .forTests, settings: .init(host: "dead")), live = try PostgresLedger(connection: url, secret: .forTests, settings: .init(host: "live"))
        let other = try PostgresLedger(connection: url, secret: .forTests, settings: .init(host: "other"))
        _ = try dead.reserve(bundle("d"), employees: [anna])
        _ = try live.reserve(bundle("l"), employees: [])
        #expect(try other.recover { _ in nil } == ([], []))
        try dead.expireLease(url: url)
        let outcome = try other.recover { _ in nil }
        #expect(outcome.rolledBack == ["d.zip"] && outcome.completed == [])
        #expect(try other.reserve(bundle("e"), employees: [anna]) == [:])
        // The dead host, come back, cannot publish what was taken from it.
        #expect(throws: (any Error).self) { try dead.confirm(sha256: "d") }
        try live.confirm(sha256: "l")
    }

    @Test func onePendingBundleOfADeadHostIsResolvedAloneButALiveHostsIsLeftPending() throws {
        let url = try PostgresServer.shared().createDatabase("resolve")
        let dead = try PostgresLedger(connection: url, secret: .forTests, settings: .init(host: "dead"))
        let live = try PostgresLedger(connection: url, secret: .forTests, settings: .init(host: "live"))
        let other = try PostgresLedger(connection: url, secret: .forTests, settings: .init(host: "other"))
        _ = try dead.reserve(bundle("lost"), employees: [anna])
        _ = try dead.reserve(bundle("published"), employees: [])
        _ = try live.reserve(bundle("l"), employees: [])
        #expect(try !other.resolvePending(sha256: "lost") { _ in nil })
        // The dead host's heartbeat stops with it (its session stays: it holds reservations).
        dead.close()
        try dead.expireLease(url: url)
        #expect(try other.resolvePending(sha256: "lost") { _ in nil })
        #expect(try other.recordedBundle(sha256: "lost") == nil)
        #expect(try other.reserve(bundle("lost"), employees: [anna]) == [:])
        #expect(try other.resolvePending(sha256: "published") { _ in "partially-accepted" })
        #expect(try other.recordedBundle(sha256: "published")?.outcome == "partially-accepted")
        #expect(try !other.resolvePending(sha256: "l") { _ in nil })
        try live.confirm(sha256: "l")
    }

    @Test func processesStartingTogetherApplyTheSchemaOnce() throws {
        let url = try PostgresServer.shared().createDatabase("migrate")
        let opened = Locked<[[Int]]>([])
        DispatchQueue.concurrentPerform(iterations: 6) { _ in
            let ledger = try! PostgresLedger(connection: url, secret: .forTests)
            opened.withLock { $0.append(ledger.migrationsApplied) }
        }
        let applied = opened.withLock { $0 }
        #expect(applied.filter { !$0.isEmpty } == [PostgresLedger.migrations.map(\.version)])
        let versions = try PostgresLedger(connection: url, secret: .forTests).appliedMigrations().map(\.version)
        #expect(versions == PostgresLedger.migrations.map(\.version))
    }

    @Test func anUnreachableServerIsAConnectionFailureNamingIt() throws {
        let dir = TemporaryDirectory()
        let error = #expect(throws: PostgresError.self) {
            _ = try PostgresLedger(connection: "postgresql://nobody@/ledger?host=\(dir.path)", secret: .forTests, settings: .init(connectTimeout: 2))
        }
        #expect(error?.connectionLost == true)
        #expect(error?.message.contains(dir.path) == true)
    }

    @Test func aLedgerOutlivesItsServerRestartingWithoutBeingReopened() throws {
        let server = try PostgresServer()
        defer { try? server.stop() }
        let url = try server.createDatabase("restart")
        let ledger = try PostgresLedger(connection: url, secret: .forTests)
        _ = try ledger.reserve(bundle("before"), employees: [anna])
        try ledger.complete(sha256: "before", outcome: "accepted", accepted: [anna])
        try server.stop()
        let error = #expect(throws: PostgresError.self) { _ = try ledger.recordedBundle(sha256: "before") }
        #expect(error?.connectionLost == true)
        try server.start()
        #expect(try ledger.recordedBundle(sha256: "before")?.outcome == "accepted")
        #expect(try ledger.reserve(bundle("after"), employees: [anna]).keys.map(\.recordKey) == ["FRA-1"])
    }
}
