public import CardBatchCore

/// A ledger's contents in a file, to move an SQLite ledger into a shared PostgreSQL one (`cardbatch
/// ledger export` and `import`). Only finished bundles travel (a pending one belongs to a run still
/// going, or to recovery), with their accepted employees and every journey.
public struct LedgerContents: Codable, Sendable, Equatable {
    /// An accepted employee by key. Files of version 1 (before keyed identities) hold nationality
    /// and passport number instead; importing keys them.
    public struct Employee: Codable, Sendable, Equatable {
        public var identityKey: String?
        public var nationality: String?
        public var passportNumber: String?
        public var bundleSHA256: String

        public init(identityKey: String, bundleSHA256: String) {
            self.identityKey = identityKey
            self.bundleSHA256 = bundleSHA256
        }

        public init(nationality: String, passportNumber: String, bundleSHA256: String) {
            self.nationality = nationality
            self.passportNumber = passportNumber
            self.bundleSHA256 = bundleSHA256
        }

        /// The key under `secret`: the stored one, or derived from a version-1 file's clear text.
        func key(_ secret: LedgerSecret) -> String {
            identityKey ?? secret.identityKey(nationality: nationality ?? "", passportNumber: passportNumber ?? "")
        }
    }

    public static let formatName = "cardbatch-ledger"
    public var format = LedgerContents.formatName
    public static let currentVersion = 2
    public var version = LedgerContents.currentVersion
    /// The fingerprint of the secret the employees' keys are under (version 2).
    public var keyFingerprint: String?
    public var bundles: [LedgerBundle]
    public var employees: [Employee]
    public var journeys: [Journey]
    /// Pending bundles left out of the export.
    public var pendingLeftOut: Int

    public init(bundles: [LedgerBundle], employees: [Employee], journeys: [Journey], pendingLeftOut: Int, keyFingerprint: String?) {
        self.keyFingerprint = keyFingerprint
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
    /// The fingerprint of the secret the ledger is keyed with, and the history's length and head.
    public var keyFingerprint: String
    public var historyEntries: Int
    public var historyHead: String
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
    /// The schema steps the opening of this ledger applied.
    var migrationsApplied: [Int] { get }
    var secret: LedgerSecret { get }
}

extension LedgerContents {
    /// Refuses a file that is not a ledger export, or one of a later format.
    public func validated() throws(LedgerFormatError) -> LedgerContents {
        guard format == Self.formatName else { throw LedgerFormatError(description: "not a cardbatch ledger export (format \"\(format)\")") }
        guard (1...Self.currentVersion).contains(version) else {
            throw LedgerFormatError(description: "ledger export version \(version) is newer than this cardbatch reads (\(Self.currentVersion))")
        }
        if let unkeyed = employees.first(where: { $0.identityKey == nil && ($0.nationality == nil || $0.passportNumber == nil) }) {
            throw LedgerFormatError(description: "an employee of bundle \(unkeyed.bundleSHA256.prefix(12)) has neither an identity key nor a nationality and passport number")
        }
        let known = Set(bundles.map(\.sha256))
        if let orphan = employees.first(where: { !known.contains($0.bundleSHA256) }) {
            throw LedgerFormatError(description: "an employee names bundle \(orphan.bundleSHA256.prefix(12)), which the file does not hold")
        }
        return self
    }
}

public struct LedgerFormatError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

/// Everything a stored ledger (SQLite or PostgreSQL) offers the commands.
public typealias StoredLedger = Ledger & JourneyLog & LedgerTransfer & RunHistory & InFlightListing
