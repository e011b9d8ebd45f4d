public import CardBatchCore

/// How a bundle ended, and what that means for the exit status.
public enum BundleStatus: String, Codable, Sendable {
    /// Every employee accepted.
    case accepted
    /// Some employees accepted, some rejected.
    case partiallyAccepted = "partially-accepted"
    /// The bundle was readable and authorized, but every employee was rejected.
    case employeesRejected = "employees-rejected"
    /// Refused as a whole (unreadable, unsafe, no valid roster or letter): no employee accepted.
    case bundleRejected = "bundle-rejected"
    /// The same bytes were processed before (the ledger says when and where); nothing was written.
    case resubmission

    /// The watcher files such a bundle in `archive/` (it was processed, whoever was accepted);
    /// a bundle refused as a whole or a resubmission goes to `rejected/`.
    public var isFiledAsProcessed: Bool {
        switch self {
        case .accepted, .partiallyAccepted, .employeesRejected: true
        case .bundleRejected, .resubmission: false
        }
    }

    /// 0 every employee accepted; 1 some employees rejected; 2 a bundle rejected as a whole;
    /// 3 a resubmission of a bundle already processed.
    public var exitCode: Int32 {
        switch self {
        case .accepted: 0
        case .partiallyAccepted, .employeesRejected: 1
        case .bundleRejected: 2
        case .resubmission: 3
        }
    }
}

/// One employee's verdict.
public struct EmployeeResult: Sendable {
    public var record: EmployeeRecord
    public var recordKey: String
    /// The employee's photo as far as it matters once judged: its name, size, kind and digest (for
    /// the records and the shared-photo check across rows). Its measures have become findings by
    /// then; keeping every photo's figures made a bundle's memory grow by some 350 bytes an employee.
    public var photo: PhotoFacts? {
        get { keptPhoto.map { PhotoFacts(entry: $0.entry, byteCount: $0.byteCount, signature: $0.signature, jpeg: nil, sha256: $0.sha256) } }
        set { keptPhoto = newValue.map { KeptPhoto(entry: $0.entry, byteCount: $0.byteCount, signature: $0.signature, sha256: $0.sha256) } }
    }
    var keptPhoto: KeptPhoto?
    public var findings: [Finding]
    /// The thumbnail written beside the rejection report when the photo was rejected, if any.
    public var thumbnail: String?
    public var isAccepted: Bool { !findings.hasErrors }

    /// The employee as the ledger keys them.
    public var identity: EmployeeIdentity {
        EmployeeIdentity(nationality: record[.nationality], passportNumber: record[.passportNumber], recordKey: recordKey)
    }

    public init(record: EmployeeRecord, recordKey: String, photo: PhotoFacts?, findings: [Finding]) {
        self.record = record
        self.recordKey = recordKey
        self.findings = findings.sorted()
        self.photo = photo
    }

    /// Read back from a results spill: the findings were sorted when the result was made.
    init(record: EmployeeRecord, recordKey: String, kept: KeptPhoto?, sortedFindings: [Finding]) {
        self.record = record
        self.recordKey = recordKey
        self.keptPhoto = kept
        self.findings = sortedFindings
    }

    /// The rejection report's path inside the bundle's output folder, without its extension.
    public var reportStem: String { ResultLayout.rejectionStem(row: record.row) }

    /// The same employee with more findings (from checks that need every row, or the ledger); the
    /// verdict follows from the findings.
    public func adding(_ more: [Finding]) -> EmployeeResult {
        var updated = EmployeeResult(record: record, recordKey: recordKey, photo: photo, findings: findings + more)
        updated.thumbnail = thumbnail
        return updated
    }
}

/// What `EmployeeResult` keeps of a photo.
struct KeptPhoto: Sendable {
    var entry: String
    var byteCount: Int
    var signature: FileSignature
    var sha256: String
}

/// Everything known about one bundle once it has been judged.
public struct BundleResult: Sendable {
    public var bundleFile: String
    public var sha256: String
    public var byteCount: Int
    public var processingDate: CalendarDate
    public var rosterFormat: RosterFormat?
    public var header: RosterHeader?
    /// Bundle-level findings (errors here mean the bundle was rejected as a whole).
    public var bundleFindings: [Finding]
    public var employees: EmployeeResults
    /// Set when the ledger knows these bytes: the earlier processing of the same bundle.
    public var resubmissionOf: LedgerBundle?

    /// `employees` in memory, put in row order.
    public init(bundleFile: String, sha256: String, byteCount: Int, processingDate: CalendarDate, rosterFormat: RosterFormat?,
                header: RosterHeader?, bundleFindings: [Finding], employees: [EmployeeResult]) {
        let inOrder = zip(employees, employees.dropFirst()).allSatisfy { $0.record.row <= $1.record.row }
        self.init(bundleFile: bundleFile, sha256: sha256, byteCount: byteCount, processingDate: processingDate, rosterFormat: rosterFormat,
                  header: header, bundleFindings: bundleFindings,
                  results: EmployeeResults(inOrder ? employees : employees.sorted { $0.record.row < $1.record.row }))
    }

    /// `results` already in row order (the workers' spill).
    public init(bundleFile: String, sha256: String, byteCount: Int, processingDate: CalendarDate, rosterFormat: RosterFormat?,
                header: RosterHeader?, bundleFindings: [Finding], results: EmployeeResults) {
        self.bundleFile = bundleFile
        self.sha256 = sha256
        self.byteCount = byteCount
        self.processingDate = processingDate
        self.rosterFormat = rosterFormat
        self.header = header
        self.bundleFindings = bundleFindings.sorted()
        employees = results
    }

    /// The accepted employees, read one at a time (a spilled bundle is never held whole).
    public var accepted: EmployeeResults.Selection { employees.accepted }
    public var rejected: EmployeeResults.Selection { employees.rejected }
    /// Counts without reading the employees (a 10,000-employee bundle is counted often).
    public var acceptedCount: Int { employees.acceptedCount }
    public var rejectedCount: Int { employees.count - acceptedCount }

    /// Every finding, bundle-level and per employee, in sorted order, one at a time. The employees'
    /// findings come in roster order, each employee's sorted; when that stream is in order as it
    /// comes (every employee finding at the roster entry with lines rising by row, which both roster
    /// formats give) the bundle's findings are merged into it and no employee's are held. Otherwise
    /// they are collected and sorted, as a stable sort of all of them would order them.
    public var sortedFindings: AnySequence<Finding> {
        let employees = self.employees
        var last: Finding? = nil
        let inOrder = employees.lazy.flatMap(\.findings).allSatisfy { finding in
            defer { last = finding }
            return last.map { !(finding < $0) } ?? true
        }
        guard inOrder else { return AnySequence((bundleFindings + employees.flatMap(\.findings)).sorted()) }
        return AnySequence(SortedMerge(first: bundleFindings, second: employees.lazy.flatMap(\.findings)))
    }

    public var status: BundleStatus {
        if resubmissionOf != nil { return .resubmission }
        if bundleFindings.hasErrors { return .bundleRejected }
        let accepted = acceptedCount
        if accepted == employees.count { return .accepted }
        return accepted == 0 ? .employeesRejected : .partiallyAccepted
    }
}

/// Two sorted sequences merged into one sorted sequence; on a tie the first one's element comes first.
struct SortedMerge<First: Sequence, Second: Sequence>: Sequence, IteratorProtocol
where First.Element == Second.Element, First.Element: Comparable {
    private var first: First.Iterator
    private var second: Second.Iterator
    private var nextFirst: First.Element?
    private var nextSecond: Second.Element?

    init(first: First, second: Second) {
        self.first = first.makeIterator()
        self.second = second.makeIterator()
        nextFirst = self.first.next()
        nextSecond = self.second.next()
    }

    mutating func next() -> First.Element? {
        switch (nextFirst, nextSecond) {
        case (nil, nil):
            return nil
        case (let a?, let b?) where b < a:
            nextSecond = second.next()
            return b
        case (let a?, _):
            nextFirst = first.next()
            return a
        case (nil, let b?):
            nextSecond = second.next()
            return b
        }
    }
}
