import ArgumentParser
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

    @Option(name: .long, help: ArgumentHelp("The ledger of processed bundles and accepted employees (SQLite; default: DIR/cardbatch-ledger.sqlite).", valueName: "path"))
    var ledger: String?

    @Flag(name: .long, help: "Keep no ledger: no resubmission or cross-bundle duplicate checks.")
    var noLedger = false

    @OptionGroup var check: CheckOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if noLedger && ledger != nil { throw ValidationError("--ledger and --no-ledger exclude each other") }
    }

    func run() throws {
        var options = try check.processingOptions(.process, directory: out)
        if !noLedger {
            let path = ledger ?? "\(out)/cardbatch-ledger.sqlite"
            do {
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
                let opened = try SQLiteLedger(path: path)
                let recovered = try BatchRunner.recover(opened)
                for name in recovered.completed { StandardError.print("cardbatch: ledger: completed \(name), published before an interruption") }
                for name in recovered.rolledBack { StandardError.print("cardbatch: ledger: rolled back \(name), interrupted before publishing") }
                options.ledger = opened
            } catch {
                StandardError.print("cardbatch: cannot use the ledger \(path): \(error)")
                throw ExitCode(74)
            }
        }
        // A progress bar only on an interactive terminal; lines only otherwise, or with --quiet/--json.
        let bar = Terminal.isInteractive(STDERR_FILENO) && !output.quiet && !output.json ? ProgressBar(bundles: bundles.count) : nil
        options.progress = bar
        let runs = BatchRunner.run(BundleJob.jobs(for: bundles), options: options)
        bar?.finish()
        for run in runs { RunPrinter.printProcess(run, output: output) }
        throw ExitCode(BatchRunner.exitCode(runs))
    }
}

/// Terminal output of `process`: results on stdout with no personal data (rows and rule
/// identifiers only; the reports in the output folder carry the details).
enum RunPrinter {
    static func printProcess(_ run: BundleRun, output: OutputOptions) {
        switch run {
        case .failed(let path, let error):
            StandardError.print("cardbatch: \(path): output could not be written: \(error)")
        case .judged(let outcome):
            if output.json {
                print(String(decoding: JSONLine.encode(outcome.summary), as: UTF8.self))
            }
            guard !output.quiet && !output.json else { return }
            let r = outcome.result
            if let earlier = r.resubmissionOf {
                print("\(r.bundleFile): resubmission — the same bytes were processed as \(earlier.name) on \(earlier.processingDate) (\(earlier.outcome)) → \(earlier.output); nothing written")
                return
            }
            print("\(r.bundleFile): \(r.status.rawValue) — \(r.employees.count) employees, \(r.accepted.count) accepted, \(r.rejected.count) rejected → \(outcome.outputPath)")
            for finding in r.bundleFindings { print("  " + finding.compilerStyle) }
            for employee in r.rejected {
                for finding in employee.findings where finding.severity == .error {
                    print("  \(finding.location.compilerStyle): error: [\(finding.rule)] row \(employee.record.row) (passport \(Masking.passport(employee.record[.passportNumber]))): \(RuleRegistry.description(of: finding.rule)?.title.en ?? finding.rule) — see \(employee.reportStem).txt")
                }
            }
        }
    }
}

enum JSONLine {
    static func encode<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }
}
