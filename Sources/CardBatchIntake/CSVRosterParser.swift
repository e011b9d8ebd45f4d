public import CardBatchCore

/// Reads `roster.csv`: a header row naming the template's columns (any order, any letter case), then
/// one row per employee. The employer, staff and letter columns are filled on the first data row;
/// later rows leave them empty or repeat them exactly. Rows whose cells are all empty (what Excel
/// leaves below a table) are skipped.
public enum CSVRosterParser {
    /// The template's columns in their documented order.
    public static let templateColumns: [RosterField] = RosterField.bundleFields + RosterField.employeeFields

    /// The CSV template: the header row alone.
    public static var templateHeader: String { templateColumns.map(\.csvColumn).joined(separator: ",") }

    public static func parse(bytes: [UInt8], entry: String, context: RuleContext) -> RosterParseResult {
        parse(decoded: RosterText.decode(bytes), entry: entry, context: context)
    }

    /// Parses an already decoded roster, so the caller can release the raw bytes first. The employees
    /// are appended to `records` (empty: in memory, or kept in a storage).
    public static func parse(decoded: RosterText.Decoded, entry: String, context: RuleContext, into records: EmployeeRecords = []) -> RosterParseResult {
        let location = Location(bundle: context.bundle, entry: entry)
        let text: RosterText.Body
        switch decoded {
        case .refused(let reason):
            return .rejected([RosterEncodingRule.description.finding(
                at: location, value: reason, expected: "UTF-8 (with or without BOM) or GB18030",
                en: "\(entry) cannot be read: \(reason).",
                zh: "\(entry) 无法读取：编码须为 UTF-8 或 GB18030（请另存为“CSV UTF-8”）。"
            )])
        case .text(let decoded, _):
            text = decoded
        }

        // Records are handled as the reader completes them: the header first, then one employee
        // at a time, so a 10,000-row roster is never held twice.
        var findings: [Finding] = []
        var columnOf: [RosterField: Int] = [:]
        var width = 0
        var sawHeader = false
        var header = RosterHeader()
        var employees = records
        let byName = Dictionary(uniqueKeysWithValues: RosterField.allCases.map { ($0.csvColumn, $0) })
        do {
            try RFC4180Reader.forEachRecord(in: text) { record in
                guard !findings.hasErrors else { return }
                if !sawHeader {
                    sawHeader = true
                    width = record.fields.count
                    readHeader(record, entry: entry, context: context, byName: byName, columnOf: &columnOf, findings: &findings)
                    return
                }
                readRow(record, entry: entry, context: context, width: width, columnOf: columnOf,
                        header: &header, employees: &employees, findings: &findings)
            }
        } catch {
            return .rejected([RosterSyntaxRule.description.finding(
                at: Location(bundle: context.bundle, entry: entry, line: error.line), value: error.message, expected: "RFC 4180 CSV",
                en: "\(entry) line \(error.line) is not valid CSV: \(error.message).",
                zh: "\(entry) 第 \(error.line) 行不是有效的 CSV：引号使用有误。"
            )])
        }
        guard sawHeader else {
            return .rejected([RosterSchemaRule.description.finding(
                at: location, expected: CSVRosterParser.templateHeader,
                en: "\(entry) is empty; it needs the template's header row and one row per employee.",
                zh: "\(entry) 为空；须含模板表头及每名员工一行。"
            )])
        }
        if findings.hasErrors { return .rejected(findings) }
        return RosterParseResult(roster: Roster(format: .csv, entry: entry, header: header, employees: employees), findings: findings)
    }

    /// Maps the header's cells to fields; unknown columns warn, missing or repeated ones reject.
    static func readHeader(_ headerRecord: CSVRecord, entry: String, context: RuleContext, byName: [String: RosterField],
                           columnOf: inout [RosterField: Int], findings: inout [Finding]) {
        let headerLocation = Location(bundle: context.bundle, entry: entry, line: headerRecord.line)
        if let separator = foreignSeparator(headerRecord, byName: byName) {
            findings.append(RosterSchemaRule.description.finding(
                at: headerLocation, value: separator.en, expected: "comma-separated values",
                en: "\(entry) is separated by \(separator.en), not commas; save it as CSV (comma delimited) and make the ZIP again.",
                zh: "\(entry) 使用\(separator.zh)而非逗号分隔；请另存为“CSV（逗号分隔）”后重新打包。"
            ))
            return
        }
        for (index, cell) in headerRecord.fields.enumerated() {
            let name = cell.trimmingWhitespace().lowercased()
            guard let field = byName[name] else {
                if !name.isEmpty {
                    findings.append(RosterSchemaRule.description.finding(
                        at: headerLocation, field: cell, value: cell, expected: "a template column",
                        en: "\(entry): column \"\(cell)\" is not part of the template and is ignored.",
                        zh: "\(entry)：列 \"\(cell)\" 不在模板中，将被忽略。", severity: .warning
                    ))
                }
                continue
            }
            if columnOf[field] != nil {
                findings.append(RosterSchemaRule.description.finding(
                    at: headerLocation, field: name, value: cell, expected: "each column once",
                    en: "\(entry): column \"\(name)\" appears twice in the header.",
                    zh: "\(entry)：表头中列 \"\(name)\" 出现了两次。"
                ))
            }
            columnOf[field] = index
        }
        let missing = templateColumns.filter { !$0.isOptional && columnOf[$0] == nil }.map(\.csvColumn)
        if !missing.isEmpty {
            findings.append(RosterSchemaRule.description.finding(
                at: headerLocation, value: missing.joined(separator: ", "), expected: CSVRosterParser.templateHeader,
                en: "\(entry): the header row lacks column(s) \(missing.joined(separator: ", ")). Start from the template (roster-template.csv).",
                zh: "\(entry)：表头缺少列 \(missing.joined(separator: "、"))。请使用模板 roster-template.csv。"
            ))
        }
    }

    /// The separator of a header that holds the template's columns but not between commas: semicolons
    /// (what Excel saves as "CSV" where the decimal mark is a comma) or tabs ("Text (Tab delimited)").
    /// Named in both languages for the message; nil for a comma-separated header.
    static func foreignSeparator(_ header: CSVRecord, byName: [String: RosterField]) -> (en: String, zh: String)? {
        func known(_ names: [String]) -> Int { names.filter { byName[$0.trimmingWhitespace().lowercased()] != nil }.count }
        guard known(header.fields) < 3 else { return nil }
        let text = header.fields.joined(separator: ",")
        for (separator, en, zh) in [(Character(";"), "semicolons", "分号"), (Character("\t"), "tabs", "制表符")] {
            if known(text.split(separator: separator).map(String.init)) >= 3 { return (en, zh) }
        }
        return nil
    }

    /// Reads one data row: the employer from the first, an employee from every row.
    static func readRow(_ record: CSVRecord, entry: String, context: RuleContext, width: Int, columnOf: [RosterField: Int],
                        header: inout RosterHeader, employees: inout EmployeeRecords, findings: inout [Finding]) {
        if record.fields.allSatisfy({ $0.trimmingWhitespace().isEmpty }) { return }
        guard record.fields.count == width else {
            findings.append(RosterSchemaRule.description.finding(
                at: Location(bundle: context.bundle, entry: entry, line: record.line),
                value: "\(record.fields.count) cells", expected: "\(width) cells, as in the header",
                en: "\(entry) line \(record.line) has \(record.fields.count) cells but the header has \(width). Check for a missing or extra comma.",
                zh: "\(entry) 第 \(record.line) 行有 \(record.fields.count) 个单元格，表头为 \(width) 个。请检查是否多或少了逗号。"
            ))
            return
        }
        func value(_ field: RosterField) -> String {
            columnOf[field].map { FieldNormalizer.normalize(record.fields[$0], field: field) } ?? ""
        }
        if employees.isEmpty {
            header.line = record.line
            for field in RosterField.bundleFields { header[field] = value(field) }
        } else {
            for field in RosterField.bundleFields {
                let v = value(field)
                if !v.isEmpty && v != header[field] {
                    findings.append(RosterEmployerConsistencyRule.description.finding(
                        at: Location(bundle: context.bundle, entry: entry, line: record.line),
                        field: field.csvColumn, value: v, expected: header[field].isEmpty ? "empty, as on the first row" : header[field],
                        en: "\(entry) line \(record.line): \(field.csvColumn) \"\(v)\" differs from the first row (\"\(header[field])\"). One bundle holds one employer's application; leave the cell empty or repeat the first row's value.",
                        zh: "\(entry) 第 \(record.line) 行：\(field.csvColumn) \"\(v)\" 与第一行（\"\(header[field])\"）不一致。一个压缩包只能对应一家单位；请留空或与第一行一致。"
                    ))
                }
            }
        }
        var values: [RosterField: String] = [:]
        for field in RosterField.employeeFields { values[field] = value(field) }
        employees.append(EmployeeRecord(row: employees.count + 1, line: record.line, format: .csv, values: values))
    }
}
