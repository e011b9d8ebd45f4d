public import CardBatchCore

/// A ledger's contents in a file, to move an SQLite ledger into a shared PostgreSQL one (`cardbatch
/// ledger export` and `import`). Only finished bundles travel (a pending one belongs to a run still
/// going, or to recovery), with their accepted employees and every journey.
public struct LedgerContents: Codable, Sendable, Equatable {
    public struct Employee: Codable, Sendable, Equatable {
        public var nationality: String
        public var passportNumber: String
        public var recordKey: String
        public var bundleSHA256: String

        public init(nationality: String, passportNumber: String, recordKey: String, bundleSHA256: String) {
            self.nationality = nationality
            self.passportNumber = passportNumber
            self.recordKey = recordKey
            self.bundleSHA256 = bundleSHA256
        }
    }

    public static let formatName = "cardbatch-ledger"
    public var format = LedgerContents.formatName
    public var version = 1
    public var bundles: [LedgerBundle]
    public var employees: [Employee]
    public var journeys: [Journey]
    /// Pending bundles left out of the export.
    public var pendingLeftOut: Int

    public init(bundles: [LedgerBundle], employees: [Employee], journeys: [Journey], pendingLeftOut: Int) {
        self.bundles = bundles
        self.employees = employees
        self.journeys = journeys
        self.pendingLeftOut = pendingLeftOut
    }
}

/// What an import did. Importing the same file twice adds nothing the second time.
public struct LedgerImportSummary: Sendable, Equatable, Codable {
    public var bundlesAdded = 0
    /// Bundles the target already held (the same SHA-256).
    public var bundlesPresent = 0
    public var employeesAdded = 0
    /// Employees the target already had accepted through another bundle: the earlier acceptance stays.
    public var employeesHeldElsewhere = 0
    public var journeysAdded = 0
    public var journeysPresent = 0

    public init() {}
}

/// A ledger's state at a glance (`cardbatch ledger status`).
public struct LedgerStatus: Sendable, Codable, Equatable {
    public var backend: String
    public var location: String
    public var schemaVersion: Int
    public var latestSchemaVersion: Int
    public var bundlesDone: Int
    public var bundlesPending: Int
    public var acceptedEmployees: Int
    public var journeys: Int
    public var activeJourneys: Int
    /// Shared ledger only: processes whose lease is current or expired, and claims held.
    public var liveSessions: Int?
    public var expiredSessions: Int?
    public var claims: Int?
    public var expiredClaims: Int?
}

/// Reading a ledger out whole and adding another's contents, in one transaction.
public protocol LedgerTransfer {
    func contents() throws -> LedgerContents
    func add(_ contents: LedgerContents) throws -> LedgerImportSummary
    func status() throws -> LedgerStatus
}

extension LedgerContents {
    /// Refuses a file that is not a ledger export, or one of a later format.
    public func validated() throws(LedgerFormatError) -> LedgerContents {
        guard format == Self.formatName else { throw LedgerFormatError(description: "not a cardbatch ledger export (format \"\(format)\")") }
        guard version == 1 else { throw LedgerFormatError(description: "ledger export version \(version) is newer than this cardbatch reads (1)") }
        let known = Set(bundles.map(\.sha256))
        if let orphan = employees.first(where: { !known.contains($0.bundleSHA256) }) {
            throw LedgerFormatError(description: "employee \(orphan.recordKey) names bundle \(orphan.bundleSHA256.prefix(12)), which the file does not hold")
        }
        return self
    }
}

public struct LedgerFormatError: Error, CustomStringConvertible, Sendable {
    public let description: String
}
