public import CardBatchCore

/// The tool and rule-set versions, stamped on every report.
public struct ToolStamp: Codable, Sendable, Equatable {
    public var name = "cardbatch"
    public var version = CardBatchVersion.tool
    public var ruleSetVersion = RuleRegistry.ruleSetVersion
    public init() {}
}

/// `bundle-report.json`: the whole story of one bundle.
public struct BundleReportDocument: Codable, Sendable {
    public struct BundleFile: Codable, Sendable { public var file: String; public var sha256: String; public var bytes: Int }
    public struct Counts: Codable, Sendable { public var employees: Int; public var accepted: Int; public var rejected: Int }
    public struct Employee: Codable, Sendable {
        public var row: Int
        public var line: Int?
        public var recordKey: String
        public var nationality: String
        /// Masked: the bundle report is an overview; the rejection report holds the full number.
        public var passportNumber: String
        public var status: String
        public var report: String?
    }

    public var tool = ToolStamp()
    public var processingDate: String
    public var bundle: BundleFile
    public var status: BundleStatus
    public var rosterFormat: RosterFormat?
    public var counts: Counts
    /// Every finding, bundle-level and per employee, sorted.
    public var findings: [Finding]
    public var employees: [Employee]
    /// What no rule can judge and the outlet checks by eye.
    public var leftForVisualCheck = VisualCheck.items
    public var personalData: PersonalDataNotice

    public init(_ result: BundleResult, personalData: PersonalDataNotice) {
        self.personalData = personalData
        processingDate = result.processingDate.description
        bundle = BundleFile(file: result.bundleFile, sha256: result.sha256, bytes: result.byteCount)
        status = result.status
        rosterFormat = result.rosterFormat
        counts = Counts(employees: result.employees.count, accepted: result.acceptedCount, rejected: result.rejectedCount)
        findings = Array(result.sortedFindings)
        employees = result.employees.map(Employee.init)
    }
}

/// `rejected/row-NNNNN.json`: one rejected employee, every failed rule, what to fix.
public struct RejectionReportDocument: Codable, Sendable {
    public struct Employee: Codable, Sendable {
        public var row: Int
        public var line: Int?
        public var path: String?
        public var surname: String
        public var givenNames: String
        public var chineseName: String
        public var nationality: String
        public var passportNumber: String
        public var photo: String
        public var recordKey: String
    }

    public var tool = ToolStamp()
    public var processingDate: String
    public var bundle: String
    public var employee: Employee
    public var findings: [Finding]
    /// A small copy of the submitted photo, when a photo rule rejected it.
    public var thumbnail: String?
    public var personalData: PersonalDataNotice

    public init(_ employee: EmployeeResult, in result: BundleResult, personalData: PersonalDataNotice) {
        self.personalData = personalData
        processingDate = result.processingDate.description
        bundle = result.bundleFile
        let r = employee.record
        self.employee = Employee(row: r.row, line: r.line, path: r.path, surname: r[.surname], givenNames: r[.givenNames],
                                 chineseName: r[.chineseName], nationality: r[.nationality], passportNumber: r[.passportNumber],
                                 photo: r[.photo], recordKey: employee.recordKey)
        findings = employee.findings
        thumbnail = employee.thumbnail
    }
}

extension BundleReportDocument {
    /// Writes the bundle report piece by piece, in exactly the form `PrettyJSON.encode` gives the
    /// whole document (keys sorted), without building the employees and findings arrays in memory.
    public static func write(_ result: BundleResult, personalData: PersonalDataNotice, to sink: FileSink) throws(OutputError) {
        var members: [(String, (FileSink) throws(OutputError) -> Void)] = []
        let json = PrettyJSON()
        func value<T: Encodable>(_ key: String, _ v: T) {
            members.append((key, { sink throws(OutputError) in try sink.write(json.bytes(v, indent: 2)) }))
        }
        func array<S: Sequence>(_ key: String, _ items: S) where S.Element: Encodable {
            members.append((key, { sink throws(OutputError) in
                var first = true
                for item in items {
                    try sink.write(first ? "[\n    " : ",\n    ")
                    try sink.write(json.bytes(item, indent: 4))
                    first = false
                }
                try sink.write(first ? "[\n\n  ]" : "\n  ]")
            }))
        }
        value("bundle", BundleFile(file: result.bundleFile, sha256: result.sha256, bytes: result.byteCount))
        value("counts", Counts(employees: result.employees.count, accepted: result.acceptedCount, rejected: result.rejectedCount))
        array("employees", result.employees.lazy.map(Employee.init))
        array("findings", result.sortedFindings)
        array("leftForVisualCheck", VisualCheck.items)
        value("personalData", personalData)
        value("processingDate", result.processingDate.description)
        if let format = result.rosterFormat { value("rosterFormat", format) }
        value("status", result.status)
        value("tool", ToolStamp())
        try sink.write("{\n")
        for (i, member) in members.sorted(by: { $0.0 < $1.0 }).enumerated() {
            try sink.write("  \"\(member.0)\" : ")
            try member.1(sink)
            try sink.write(i == members.count - 1 ? "\n" : ",\n")
        }
        try sink.write("}\n")
    }
}

extension BundleReportDocument.Employee {
    init(_ e: EmployeeResult) {
        self.init(row: e.record.row, line: e.record.line, recordKey: e.recordKey, nationality: e.record[.nationality],
                  passportNumber: Masking.passport(e.record[.passportNumber]),
                  status: e.isAccepted ? "accepted" : "rejected", report: e.isAccepted ? nil : e.reportStem + ".json")
    }
}

/// The photo requirements of the issuance process that the tool does not judge: the outlet checks
/// them by eye, and every report says so rather than passing them silently. (One frontal face,
/// upright and looking ahead, its size and place, sharpness and clothing are judged by the face checks.)
public enum VisualCheck {
    public static let items: [LocalizedText] = [
        LocalizedText(en: "bareheaded; headgear worn for religious reasons must not hide any part of the face",
                      zh: "免冠；因宗教原因佩戴头饰的，不得遮挡面部任何部位"),
        LocalizedText(en: "clear facial features: eyes open, natural expression, nothing covering the face",
                      zh: "五官清晰：睁眼、表情自然、面部无遮挡"),
        LocalizedText(en: "no spots, flaws or ink defects on the photo", zh: "照片无斑点、瑕疵或墨迹"),
    ]
}

/// One line of `--json` output per bundle.
public struct BundleSummary: Codable, Sendable {
    public var bundle: String
    public var status: BundleStatus
    public var employees: Int
    public var accepted: Int
    public var rejected: Int
    public var errors: Int
    public var warnings: Int
    /// The bundle's output folder.
    public var output: String
    public var bundleReport: String
    /// For a resubmission: when and as what the same bytes were processed before.
    public var previous: LedgerBundle?

    public init(_ result: BundleResult, output: String) {
        bundle = result.bundleFile
        status = result.status
        employees = result.employees.count
        accepted = result.acceptedCount
        rejected = result.rejectedCount
        var errors = 0, warnings = 0
        for finding in result.bundleFindings + result.employees.lazy.flatMap(\.findings) {
            if finding.severity == .error { errors += 1 } else { warnings += 1 }
        }
        self.errors = errors
        self.warnings = warnings
        self.output = output
        bundleReport = output + "/" + ResultLayout.bundleReport
        previous = result.resubmissionOf
    }
}
