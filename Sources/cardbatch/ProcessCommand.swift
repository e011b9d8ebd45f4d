import ArgumentParser
import CardBatchConsole
import CardBatchCore
import CardBatchLedger
import CardBatchOutput
import CardBatchPipeline
import Foundation

struct ProcessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "process",
        abstract: "Check bundles and write accepted records, rejection reports and a bundle report for each."
    )

    @Argument(help: ArgumentHelp("ZIP bundles to process.", valueName: "bundle"))
    var bundles: [String]

    @Option(name: .long, help: ArgumentHelp("Output folder; each bundle gets a subfolder named after it.", valueName: "dir"))
    var out: String

    @OptionGroup var ledger: LedgerOptions

    @Flag(name: .long, help: "Keep no ledger: no resubmission or cross-bundle duplicate checks.")
    var noLedger = false

    @OptionGroup var check: CheckOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if noLedger && ledger.ledger != nil { throw ValidationError("--ledger and --no-ledger exclude each other") }
    }

    func run() throws {
        var options = try check.processingOptions(.process, directory: out)
        if !noLedger {
            do {
                let opened = try ledger.open(directory: out)
                let recovered = try BatchRunner.recover(opened)
                for name in recovered.completed { StandardError.print("cardbatch: ledger: completed \(name), published before an interruption") }
                for name in recovered.rolledBack { StandardError.print("cardbatch: ledger: rolled back \(name), interrupted before publishing") }
                options.ledger = opened
            } catch {
                StandardError.print("cardbatch: cannot use \(ledger.describe(directory: out)): \(error)")
                throw ExitCode(74)
            }
        }
        // A progress bar only on an interactive terminal; lines only otherwise, or with --quiet/--json.
        let bar = TerminalStyle.isInteractive(STDERR_FILENO) && !output.quiet && !output.json ? ProgressBar(bundles: bundles.count) : nil
        options.progress = bar
        let runs = BatchRunner.run(BundleJob.jobs(for: bundles), options: options)
        bar?.finish()
        if let history = options.ledger as? any RunHistory {
            RunRecording.append(RunRecord.of(.process, runs: runs, host: ledger.host, configuration: options.configuration), to: history)
        }
        PostgresLedger.close(options.ledger)
        for run in runs {
            switch run {
            case .failed(let path, let error):
                StandardError.print(ProcessLines.failure(path: path, error: error, what: "output"))
            case .judged(let outcome):
                if output.json { print(JSONLine.encode(outcome.summary)) }
                if !output.quiet && !output.json { ProcessLines.render(outcome).forEach { print($0) } }
            }
        }
        throw ExitCode(BatchRunner.exitCode(runs))
    }
}
