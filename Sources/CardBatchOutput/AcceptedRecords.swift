import CardBatchCore

/// The accepted-record files for the card production stage.
public enum AcceptedRecords {
    public static let csvColumns = [
        "record_key", "roster_row", "employer_name", "employer_credit_code", "surname", "given_names", "chinese_name", "sex",
        "date_of_birth", "nationality", "passport_number", "passport_expiry", "work_permit_number", "work_permit_expiry",
        "photo_file", "photo_sha256", "bundle_sha256", "processing_date",
    ]

    static func photoFile(_ employee: EmployeeResult) -> String { ResultLayout.recordPhoto(key: employee.recordKey) }

    /// `accepted/records.csv`: UTF-8 without BOM, CRLF line ends, a header row, one row per accepted
    /// employee in roster order; formula-like cells neutralised.
    public static func csv(_ result: BundleResult, to sink: FileSink) throws(OutputError) {
        try sink.write(CSVCell.rowBytes(csvColumns))
        let header = result.header ?? RosterHeader()
        for e in result.employees where e.isAccepted {
            let r = e.record
            try sink.write(CSVCell.rowBytes([
                e.recordKey, String(r.row), header[.employerName], header[.employerCreditCode], r[.surname], r[.givenNames],
                r[.chineseName], r[.sex], r[.dateOfBirth], r[.nationality], r[.passportNumber], r[.passportExpiry],
                r[.workPermitNumber], r[.workPermitExpiry], photoFile(e), e.photo?.sha256 ?? "", result.sha256,
                result.processingDate.description,
            ]))
        }
    }

    /// `accepted/records.xml`, valid against `RecordsSchema.xsd`.
    public static func xml(_ result: BundleResult, to sink: FileSink) throws(OutputError) {
        let header = result.header ?? RosterHeader()
        let stamp = ToolStamp()
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        x += "<acceptedRecords xmlns=\"\(RecordsSchema.namespace)\" version=\"1\" bundle=\"\(esc(result.bundleFile))\""
        x += " bundleSha256=\"\(result.sha256)\" processingDate=\"\(result.processingDate)\""
        x += " toolVersion=\"\(esc(stamp.version))\" ruleSetVersion=\"\(esc(stamp.ruleSetVersion))\">\n"
        x += "  <employer name=\"\(esc(header[.employerName]))\" creditCode=\"\(esc(header[.employerCreditCode]))\"/>\n"
        try sink.write(x)
        for e in result.employees where e.isAccepted {
            let r = e.record
            x = "  <record key=\"\(e.recordKey)\" rosterRow=\"\(r.row)\">\n"
            func element(_ name: String, _ value: String) { x += "    <\(name)>\(esc(value))</\(name)>\n" }
            element("surname", r[.surname])
            element("givenNames", r[.givenNames])
            if !r[.chineseName].isEmpty { element("chineseName", r[.chineseName]) }
            element("sex", r[.sex])
            element("dateOfBirth", r[.dateOfBirth])
            element("nationality", r[.nationality])
            element("passportNumber", r[.passportNumber])
            element("passportExpiry", r[.passportExpiry])
            element("workPermitNumber", r[.workPermitNumber])
            element("workPermitExpiry", r[.workPermitExpiry])
            x += "    <photo file=\"\(photoFile(e))\" sha256=\"\(e.photo?.sha256 ?? "")\" bytes=\"\(e.photo?.byteCount ?? 0)\"/>\n"
            x += "  </record>\n"
            try sink.write(x)
        }
        try sink.write("</acceptedRecords>\n")
    }

    /// XML text and attribute escaping (the same five characters as HTML; `&#39;` is valid XML).
    /// Characters XML 1.0 forbids cannot reach here: the `employee.text` rule rejects control
    /// characters in every field.
    static func esc(_ s: String) -> String { HTML.escape(s) }
}
