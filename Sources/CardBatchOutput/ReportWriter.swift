import CardBatchCore
import Foundation

/// Writes a judged bundle's files into its staged folder: `bundle-report.json`, one JSON and one text
/// rejection report per rejected employee, and (for `process`) the accepted-record files.
public enum ReportWriter {
    public static func write(_ result: BundleResult, to staged: StagedFolder, acceptedRecords: Bool) throws(OutputError) {
        try staged.write(json(BundleReportDocument(result)), to: "bundle-report.json")
        let rejected = result.rejected
        if !rejected.isEmpty { try staged.makeFolder("rejected") }
        for employee in rejected {
            try staged.write(json(RejectionReportDocument(employee, in: result)), to: employee.reportStem + ".json")
            try staged.write(RejectionReportText.render(employee, in: result), to: employee.reportStem + ".txt")
        }
        if acceptedRecords && result.status != .bundleRejected && !result.accepted.isEmpty {
            try staged.makeFolder("accepted")
            try staged.write(AcceptedRecords.csv(result), to: "accepted/records.csv")
            try staged.write(AcceptedRecords.xml(result), to: "accepted/records.xml")
        }
    }

    /// Stable JSON: sorted keys, so two runs write identical bytes.
    public static func json<T: Encodable>(_ value: T) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Encoding these plain value types cannot fail.
        return Array((try? encoder.encode(value)) ?? Data("{}".utf8)) + [0x0A]
    }
}
