import CardBatchCore

/// The short human-readable companion of a rejection report: who, and a numbered list of what to fix,
/// in English and Chinese.
public enum RejectionReportText {
    public static func render(_ employee: EmployeeResult, in result: BundleResult, personalData: PersonalDataNotice) -> String {
        let r = employee.record
        var lines: [String] = []
        let name = [r[.surname], r[.givenNames]].filter { !$0.isEmpty }.joined(separator: ", ")
        lines.append("REJECTED / 未通过: row \(r.row)\(r.line.map { " (line \($0))" } ?? "") — \(name.isEmpty ? "(no name)" : name)")
        lines.append("Passport / 护照: \(r[.nationality]) \(r[.passportNumber])    Photo / 照片: \(r[.photo])")
        lines.append("Bundle / 压缩包: \(result.bundleFile)    Processing date / 受理日期: \(result.processingDate)")
        lines.append("")
        lines.append("What to fix / 需修改:")
        for (i, f) in employee.findings.enumerated() {
            lines.append("\(i + 1). [\(f.rule)] \(f.severity == .error ? "" : "(warning) ")\(f.message.en)")
            lines.append("   \(f.message.zh)")
            var detail: [String] = []
            if let field = f.field { detail.append("field: \(field)") }
            if let value = f.value { detail.append("found: \(value)") }
            if let expected = f.expected { detail.append("expected: \(expected)") }
            if !detail.isEmpty { lines.append("   " + detail.joined(separator: "; ")) }
        }
        if let thumbnail = employee.thumbnail {
            lines.append("")
            lines.append("The photo as submitted / 提交的照片: \(thumbnail)")
        }
        lines.append("")
        lines.append("Run `cardbatch explain RULE` for what a rule checks. / 运行 `cardbatch explain 规则编号` 查看规则说明。")
        lines.append("")
        lines.append(contentsOf: personalData.lines)
        return lines.joined(separator: "\n") + "\n"
    }
}
