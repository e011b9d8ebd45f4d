import CardBatchCore
public import CardBatchOutput
public import CardBatchPipeline

/// What `process` prints of a judged bundle: one line for the bundle and one compiler-style line per
/// problem, saying what was found and what is expected (`Finding.summary`). No personal data (rows
/// and masked passport numbers only; the reports in the output folder carry the details).
public enum ProcessLines {
    public static func render(_ outcome: BundleOutcome) -> [String] {
        let r = outcome.result
        if let earlier = r.resubmissionOf {
            return ["\(r.bundleFile): resubmission — the same bytes were processed as \(earlier.name) on \(earlier.processingDate) (\(earlier.outcome)) → \(earlier.output); nothing written"]
        }
        var lines = ["\(r.bundleFile): \(r.status.rawValue) — \(r.employees.count) employees, \(r.acceptedCount) accepted, \(r.rejectedCount) rejected → \(outcome.outputPath)"]
        for finding in r.bundleFindings { lines.append("  " + finding.compilerStyle) }
        for employee in r.rejected {
            for finding in employee.findings where finding.severity == .error {
                lines.append("  \(finding.location.compilerStyle): error: [\(finding.rule)] row \(employee.record.row) (passport \(Masking.passport(employee.record[.passportNumber]))): \(finding.summary) — see \(employee.reportStem).txt")
            }
        }
        return lines
    }

    /// The line for a bundle whose outputs could not be written (`what`: "output" or "report").
    public static func failure(path: String, error: OutputError, what: String) -> String {
        "cardbatch: \(path): \(what) could not be written: \(error)"
    }
}
