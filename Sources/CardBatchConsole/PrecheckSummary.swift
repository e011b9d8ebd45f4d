import CardBatchCore
import CardBatchOutput
public import CardBatchPipeline

/// The pre-check summary a person acts on: per employee, OK or each thing to fix, in English and Chinese.
public enum PrecheckSummary {
    public static func render(_ outcome: BundleOutcome, style: TerminalStyle) -> String {
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
                out += "  " + style.paint("OK ", "32") + "  \(who)\n"
            } else {
                out += "  " + style.paint("FIX", "31;1") + "  \(who)\n"
                for f in errors { out += "       - [\(f.rule)] \(f.message.en)\n         \(f.message.zh)\n" }
            }
            for f in e.findings where f.severity == .warning { out += "       ! [\(f.rule)] \(f.message.en)\n" }
        }
        out += "\n"
        switch r.status {
        case .accepted:
            out += "Ready: all \(r.employees.count) employees pass. / 全部 \(r.employees.count) 名员工通过，可以提交。\n"
        case .partiallyAccepted, .employeesRejected:
            out += "\(r.acceptedCount) ready, \(r.rejectedCount) to fix. / \(r.acceptedCount) 名通过，\(r.rejectedCount) 名需修改。\n"
        case .bundleRejected:
            out += "Fix the bundle-level problems above first. / 请先解决上述压缩包层面的问题。\n"
        case .resubmission:
            out += "This bundle was already processed. / 该压缩包已受理过。\n"
        }
        if !r.employees.isEmpty {
            out += "Left for the outlet's visual check / 由受理点人工核验:\n"
            for item in VisualCheck.items { out += "  - \(item.en) / \(item.zh)\n" }
        }
        out += "Report for people / 报告: \(outcome.outputPath)/\(ResultLayout.htmlReport)\n"
        out += "Reports / 全部报告: \(outcome.outputPath)\n"
        return out
    }
}
