import ArgumentParser
import CardBatchConsole
import CardBatchCore
import CardBatchLedger
import CardBatchOutput
import CardBatchPipeline
import Foundation

struct PrecheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "precheck",
        abstract: "For employers: run every rule on a bundle before submitting it, and say per employee what to fix. Writes reports, never accepted records."
    )

    @Argument(help: ArgumentHelp("The ZIP bundle to check.", valueName: "bundle"))
    var bundle: String

    @Option(name: .long, help: ArgumentHelp("Folder for the reports (a subfolder named after the bundle is created).", valueName: "dir"))
    var report: String

    @Option(name: .long, help: ArgumentHelp("Language report.html shows first: zh, en or both (a switch on the page changes it).", valueName: "lang"))
    var lang: String = "both"

    @OptionGroup(title: "Recording (an outlet pre-checking for an employer)") var ledger: LedgerOptions

    @OptionGroup var check: CheckOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard ReportLanguage(rawValue: lang) != nil else { throw ValidationError("--lang is zh, en or both") }
    }

    func run() throws {
        var options = try check.processingOptions(.precheck, directory: report)
        options.reportLanguage = ReportLanguage(rawValue: lang)!
        // A progress bar only on an interactive terminal; lines only otherwise, or with --quiet/--json.
        let bar = TerminalStyle.isInteractive(STDERR_FILENO) && !output.quiet && !output.json ? ProgressBar(bundles: [bundle].count) : nil
        options.progress = bar
        let runs = BatchRunner.run(BundleJob.jobs(for: [bundle]), options: options)
        bar?.finish()
        // The run goes into the ledger's history only when a ledger is named: an employer has none.
        if ledger.ledger != nil {
            do {
                let opened = try ledger.open(directory: report)
                defer { PostgresLedger.close(opened) }
                RunRecording.append(RunRecord.of(.precheck, runs: runs, host: ledger.host, configuration: options.configuration), to: opened)
            } catch {
                StandardError.print("cardbatch: cannot record this run: cannot use \(ledger.describe(directory: report)): \(error)")
            }
        }
        for run in runs {
            switch run {
            case .failed(let path, let error):
                StandardError.print(ProcessLines.failure(path: path, error: error, what: "report"))
            case .judged(let outcome):
                if output.json { print(JSONLine.encode(outcome.summary)) }
                if !output.json && !output.quiet { print(PrecheckSummary.render(outcome, style: .standardOutput()), terminator: "") }
            }
        }
        throw ExitCode(BatchRunner.exitCode(runs))
    }
}
