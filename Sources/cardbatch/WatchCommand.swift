import ArgumentParser
import CardBatchCore
import CardBatchLedger
import CardBatchWatcher
import Dispatch
import Foundation
import Logging

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Process every complete bundle that arrives in an inbox, exactly once: as a polling service, or --once for cron or a systemd timer.",
        discussion: """
        A bundle is taken when a done-marker NAME.zip.done exists, or when its size and times are unchanged \
        between two looks and it has not changed for --min-age seconds. It is claimed by renaming it into \
        INBOX/processing/<host>-<pid>/ (with a shared PostgreSQL ledger, after claiming it in the database, \
        so that watchers on several hosts can share one inbox), processed into --out, then moved to INBOX/archive (accepted or partly \
        accepted), INBOX/rejected (refused as a whole, or a resubmission) or, after --max-attempts interrupted \
        attempts, INBOX/quarantine. SIGTERM or SIGINT finishes the bundle in flight and exits 0.
        """
    )

    @Option(name: .long, help: ArgumentHelp("The inbox folder bundles arrive in.", valueName: "dir"))
    var inbox: String

    @Option(name: .long, help: ArgumentHelp("Output folder (one subfolder per bundle, the ledger, metrics, summaries).", valueName: "dir"))
    var out: String

    @Flag(name: .long, help: "Drain what is ready and exit (for cron or a systemd timer).")
    var once = false

    @Option(name: .long, help: "Seconds between polls in service mode.")
    var pollInterval: Double = 30

    @Option(name: .long, help: "Seconds a bundle without a done-marker must stay unchanged before it is taken.")
    var minAge: Double = 60

    @Option(name: .long, help: "With --once: seconds between the two looks that show a file has stopped growing.")
    var settle: Double = 5

    @Option(name: .long, help: "Most bundles taken in one pass (oldest first).")
    var maxPerPass: Int = 100

    @Option(name: .long, help: "Quarantine a bundle once processing it was started this many times without finishing.")
    var maxAttempts: Int = 3

    @Option(name: .long, help: ArgumentHelp("Prometheus textfile to write after every pass (default: DIR/cardbatch.prom).", valueName: "file"))
    var metrics: String?

    @OptionGroup var ledger: LedgerOptions

    @Option(name: .long, help: "Longest wait between polls while the ledger is unreachable (the wait doubles from --poll-interval).")
    var maxBackoff: Double = 300

    @Option(name: .long, help: ArgumentHelp("After a pass, at most once a day, purge result folders and filed inbox bundles older than this many days (as `cardbatch purge`; nothing in flight is touched).", valueName: "days"))
    var purgeAfter: Int?

    @Option(name: .long, help: "Log format: text or json (one object per line).")
    var logFormat: String = "text"

    /// --date fixes the processing date; without it each pass uses its own day.
    @OptionGroup var check: CheckOptions

    func validate() throws {
        guard let _ = LineLogHandler.Format(rawValue: logFormat) else { throw ValidationError("--log-format is text or json") }
        guard pollInterval > 0, minAge >= 0, settle >= 0, maxPerPass > 0, maxAttempts > 0, maxBackoff > 0 else {
            throw ValidationError("--poll-interval, --max-per-pass and --max-attempts must be positive; --min-age and --settle not negative")
        }
        if let purgeAfter, purgeAfter < 1 { throw ValidationError("--purge-after is a number of days, at least 1") }
    }

    func run() throws {
        // Signals first: a SIGTERM during start-up must also end in a clean exit, not a kill.
        let stop = StopSwitch()
        // Their own serial queue (overcommitting: it gets a thread even when every worker of the
        // global queue is busy judging photos), so the stop is noted at once, before the next claim.
        let signalQueue = DispatchQueue(label: "cardbatch.watch.signals")
        let signals = [SIGTERM, SIGINT].map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: signalQueue)
            source.setEventHandler { stop.flip() }
            source.resume()
            return source
        }
        let format = LineLogHandler.Format(rawValue: logFormat)!
        LoggingSystem.bootstrap { LineLogHandler(label: $0, format: format) }
        let logger = Logger(label: "cardbatch.watch")
        let options = WatchOptions(
            inbox: inbox, outputDirectory: out, fixedDate: try check.fixedDate(), configuration: try check.configuration(),
            permits: try check.permitExtract(), workers: check.workerCount, pollInterval: pollInterval,
            minimumAge: minAge, settle: settle, maxPerPass: maxPerPass, maxAttempts: maxAttempts, metricsPath: metrics,
            maxBackoff: maxBackoff, owner: ledger.owner, host: ledger.host, purgeAfterDays: purgeAfter)
        let watcher: Watcher
        let opened: any Ledger & JourneyLog
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            opened = try ledger.open(directory: out)
            watcher = Watcher(options: options, ledger: opened, logger: logger, stop: stop)
            try watcher.startUp()
        } catch {
            logger.critical("cannot start", metadata: ["ledger": "\(ledger.describe(directory: out))", "error": "\(error)"])
            throw ExitCode(74)
        }
        logger.info("watching", metadata: ["inbox": "\(inbox)", "out": "\(out)", "mode": "\(once ? "once" : "service")"])
        if once {
            watcher.pass(settle: settle)
        } else {
            watcher.serve()
        }
        watcher.shutDown()
        PostgresLedger.close(opened)
        withExtendedLifetime(signals) {}
    }
}

