import CardBatchCore
import Dispatch
import Foundation

/// Writes a judged bundle's files into its staged folder: `bundle-report.json`, one JSON and one text
/// rejection report per rejected employee, and (for `process`) the accepted-record files.
public enum ReportWriter {
    /// With `html`, also `report.html` (precheck), its thumbnails read back one at a time from the
    /// staging folder's thumbnail spill, which is then removed.
    public static func write(_ result: BundleResult, to staged: StagedFolder, acceptedRecords: Bool,
                             html: ReportLanguage? = nil, personalData: PersonalDataNotice) throws(OutputError) {
        if let html {
            try staged.stream(to: ResultLayout.htmlReport) { sink throws(OutputError) in
                try PrecheckHTMLReport.write(result, language: html, thumbnail: { employee in
                    staged.spilledThumbnail(row: employee.record.row)
                }, to: sink)
            }
        }
        staged.dropThumbnailSpill()
        if result.rejectedCount > 0 { try staged.makeFolder(ResultLayout.rejectedFolder) }
        let records = acceptedRecords && result.status != .bundleRejected && result.acceptedCount > 0
        if records { try staged.makeFolder(ResultLayout.acceptedFolder) }
        // The bundle report on one thread, the employees' own files on another: each reads the results
        // spill by itself (`pread`), and the staged folder takes files from several threads.
        let failures = Locked<[OutputError?]>([nil, nil])
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            do throws(OutputError) {
                if part == 0 {
                    try staged.stream(to: ResultLayout.bundleReport) { sink throws(OutputError) in
                        try BundleReportDocument.write(result, personalData: personalData, to: sink)
                    }
                    return
                }
                for employee in result.employees where !employee.isAccepted {
                    try staged.write(json(RejectionReportDocument(employee, in: result, personalData: personalData)), to: employee.reportStem + ".json")
                    try staged.write(RejectionReportText.render(employee, in: result, personalData: personalData), to: employee.reportStem + ".txt")
                }
                if records {
                    try staged.stream(to: ResultLayout.recordsCSV) { sink throws(OutputError) in try AcceptedRecords.csv(result, to: sink) }
                    try staged.stream(to: ResultLayout.recordsXML) { sink throws(OutputError) in try AcceptedRecords.xml(result, to: sink) }
                }
            } catch {
                failures.withLock { $0[part] = error }
            }
        }
        if let failure = failures.withLock({ $0.compactMap { $0 }.first }) { throw failure }
    }

    /// Stable JSON: sorted keys, so two runs write identical bytes.
    public static func json<T: Encodable>(_ value: T) -> [UInt8] {
        PrettyJSON().bytes(value) + [0x0A]
    }
}
