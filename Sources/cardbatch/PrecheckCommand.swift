import ArgumentParser
import CardBatchCore
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

    @OptionGroup var check: CheckOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard ReportLanguage(rawValue: lang) != nil else { throw ValidationError("--lang is zh, en or both") }
    }

    func run() throws {
        var options = try check.processingOptions(.precheck, directory: report)
        options.reportLanguage = ReportLanguage(rawValue: lang)!
        // A progress bar only on an interactive terminal; lines only otherwise, or with --quiet/--json.
        let bar = Terminal.isInteractive(STDERR_FILENO) && !output.quiet && !output.json ? ProgressBar(bundles: [bundle].count) : nil
        options.progress = bar
        let runs = BatchRunner.run(BundleJob.jobs(for: [bundle]), options: options)
        bar?.finish()
        for run in runs {
            switch run {
            case .failed(let path, let error):
                StandardError.print("cardbatch: \(path): report could not be written: \(error)")
            case .judged(let outcome):
                if output.json { print(String(decoding: JSONLine.encode(outcome.summary), as: UTF8.self)) }
                if !output.json && !output.quiet { print(PrecheckText.render(outcome), terminator: "") }
            }
        }
        throw ExitCode(BatchRunner.exitCode(runs))
    }
}

/// The pre-check summary a person acts on: per employee, OK or each thing to fix, in English and Chinese.
enum PrecheckText {
    static func render(_ outcome: BundleOutcome) -> String {
        let r = outcome.result
        var out = "Pre-check of \(r.bundleFile) — processing date \(r.processingDate), rules \(RuleRegistry.ruleSetVersion)\n"
        out += "预检：\(r.bundleFile) — 受理日期 \(r.processingDate)\n\n"
        let bundleErrors = r.bundleFindings.filter { $0.severity == .error }
        if !bundleErrors.isEmpty {
            out += "THE WHOLE BUNDLE IS REFUSED / 整个压缩包被拒绝:\n"
            for f in bundleErrors { out += "  ✗ [\(f.rule)] \(f.message.en)\n    \(f.message.zh)\n" }
        }
        for f in r.bundleFindings where f.severity == .warning {
            out += "  ! [\(f.rule)] \(f.message.en)\n    \(f.message.zh)\n"
        }
        if !r.bundleFindings.isEmpty { out += "\n" }
        for e in r.employees {
            let who = "row \(e.record.row): \(e.record[.surname]) \(e.record[.givenNames]) (\(e.record[.nationality]) \(Masking.passport(e.record[.passportNumber])))"
            let errors = e.findings.filter { $0.severity == .error }
            if errors.isEmpty {
                out += "  " + Terminal.paint("OK ", "32") + "  \(who)\n"
            } else {
                out += "  " + Terminal.paint("FIX", "31;1") + "  \(who)\n"
                for f in errors { out += "       - [\(f.rule)] \(f.message.en)\n         \(f.message.zh)\n" }
            }
            for f in e.findings where f.severity == .warning { out += "       ! [\(f.rule)] \(f.message.en)\n" }
        }
        out += "\n"
        switch r.status {
        case .accepted:
            out += "Ready: all \(r.employees.count) employees pass. / 全部 \(r.employees.count) 名员工通过，可以提交。\n"
        case .partiallyAccepted, .employeesRejected:
            out += "\(r.accepted.count) ready, \(r.rejected.count) to fix. / \(r.accepted.count) 名通过，\(r.rejected.count) 名需修改。\n"
        case .bundleRejected:
            out += "Fix the bundle-level problems above first. / 请先解决上述压缩包层面的问题。\n"
        case .resubmission:
            out += "This bundle was already processed. / 该压缩包已受理过。\n"
        }
        if !r.employees.isEmpty {
            out += "Left for the outlet's visual check / 由受理点人工核验:\n"
            for item in VisualCheck.items { out += "  - \(item.en) / \(item.zh)\n" }
        }
        out += "Report for people / 报告: \(outcome.outputPath)/report.html\n"
        out += "Reports / 全部报告: \(outcome.outputPath)\n"
        return out
    }
}
