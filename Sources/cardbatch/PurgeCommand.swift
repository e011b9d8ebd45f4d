import ArgumentParser
import CardBatchCore
import CardBatchLedger
import CardBatchWatcher
import Foundation

struct PurgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Remove personal data whose retention has run out: result folders (photos, records, reports) and a watcher inbox's archived, rejected and quarantined bundles. Never anything in flight; the ledger's keyed rows stay.",
        discussion: """
        Limits come from --older-than, else the configuration's retention.resultDays (90) and \
        retention.inboxDays (30). The purge is recorded in the ledger's history (counts and dates, no \
        names). Exit status: 0 done; 1 something could not be removed; 74 the ledger could not be reached.
        """
    )

    @Option(name: .long, help: ArgumentHelp("Output folder whose result folders to purge (also where the default ledger is).", valueName: "dir"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Watcher inbox whose archive/, rejected/ and quarantine/ to purge.", valueName: "dir"))
    var inbox: String?

    @Option(name: .long, help: ArgumentHelp("Remove what is older than this many days (both kinds), instead of the configured retention.", valueName: "days"))
    var olderThan: Int?

    @Option(name: .long, help: ArgumentHelp("JSON configuration file (for retention.*).", valueName: "file"))
    var config: String?

    @Flag(name: .long, help: "List what would be removed, remove nothing and record nothing.")
    var dryRun = false

    @OptionGroup var ledger: LedgerOptions

    @Flag(name: .long, help: "No ledger to ask what is in flight or to record in (a precheck report folder). Staging and claim folders are still left alone.")
    var noLedger = false

    func validate() throws {
        guard out != nil || inbox != nil else { throw ValidationError("name what to purge: --out DIR, --inbox DIR, or both") }
        if let olderThan, olderThan < 1 { throw ValidationError("--older-than is a number of days, at least 1") }
        if noLedger && ledger.ledger != nil { throw ValidationError("--ledger and --no-ledger exclude each other") }
        if out == nil && ledger.ledger == nil && !noLedger { throw ValidationError("with --inbox alone, name the ledger with --ledger (or --no-ledger)") }
    }

    func run() throws {
        let retention = try loadConfiguration(config).retention
        let scope = RetentionPurge.Scope(outputDirectory: out, inbox: inbox, resultDays: olderThan ?? retention.resultDays,
                                         inboxDays: olderThan ?? retention.inboxDays)
        var opened: (any StoredLedger)?
        if !noLedger {
            do {
                opened = try ledger.open(directory: out ?? ".")
            } catch {
                StandardError.print("cardbatch: cannot use \(ledger.describe(directory: out ?? ".")): \(error); nothing purged (the ledger says what is in flight)")
                throw ExitCode(74)
            }
        }
        defer { PostgresLedger.close(opened) }
        if let out, !dryRun { RetentionPurge.finishInterrupted(outputDirectory: out) }
        let plan: RetentionPurge.Plan
        do {
            plan = try RetentionPurge.plan(scope) { try opened?.inFlight() ?? InFlight() }
        } catch {
            StandardError.print("cardbatch: the ledger could not say what is in flight: \(error); nothing purged")
            throw ExitCode(74)
        }
        let limits = "results older than \(scope.resultDays) days, inbox bundles older than \(scope.inboxDays) days"
        if dryRun {
            for item in plan.items { print("would remove \(item.kind.rawValue) \(item.path) (\(Self.day(item.changed)), \(item.bytes) bytes)") }
            for path in plan.keptInFlight { print("would keep \(path): in flight") }
            print("dry run: \(plan.items.count) would be removed (\(limits)); \(plan.keptInFlight.count) in flight kept")
            return
        }
        let (removed, failures) = RetentionPurge.execute(plan)
        for item in removed { print("removed \(item.kind.rawValue) \(item.path) (\(Self.day(item.changed)))") }
        for path in plan.keptInFlight { print("kept \(path): in flight") }
        for failure in failures { StandardError.print("cardbatch: cannot remove \(failure)") }
        let record = RetentionPurge.record(scope, plan: plan, removed: removed, failures: failures.count, host: ledger.host)
        if let opened { RunRecording.append(record, to: opened) }
        print("purged \(record.counts["resultFolders"] ?? 0) result folders and \(record.counts["inboxFiles"] ?? 0) inbox files (\(limits)); \(plan.keptInFlight.count) in flight kept")
        if !failures.isEmpty { throw ExitCode(1) }
    }

    static func day(_ seconds: Double) -> String { String(Date(timeIntervalSince1970: seconds).formatted(.iso8601).prefix(10)) }
}
