/// How an entry's name was encoded in the archive.
public enum NameEncoding: String, Codable, Sendable {
    case ascii
    /// Flagged UTF-8, or unflagged bytes that are valid UTF-8 (macOS and Info-ZIP write these).
    case utf8
    /// Unflagged bytes that are not UTF-8, decoded as GB18030 (a superset of GBK), as Chinese Windows writes them.
    case gb18030
    case undecodable
}

/// The kind of an archive entry, from its Unix mode or its trailing slash.
public enum EntryKind: String, Codable, Sendable {
    case file, directory, symlink, device
}

/// What the central directory says of one entry, before anything is inflated.
public struct ArchiveEntryFacts: Sendable, Equatable {
    public var index: Int
    /// The name decoded to Unicode (replacement characters where it was undecodable).
    public var name: String
    public var nameEncoding: NameEncoding
    public var kind: EntryKind
    public var isEncrypted: Bool
    public var declaredSize: UInt64
    public var compressedSize: UInt64

    public init(index: Int = 0, name: String, nameEncoding: NameEncoding = .ascii, kind: EntryKind = .file,
                isEncrypted: Bool = false, declaredSize: UInt64, compressedSize: UInt64) {
        self.index = index
        self.name = name
        self.nameEncoding = nameEncoding
        self.kind = kind
        self.isEncrypted = isEncrypted
        self.declaredSize = declaredSize
        self.compressedSize = compressedSize
    }
}

/// The whole central directory.
public struct ArchiveFacts: Sendable, Equatable {
    public var entries: [ArchiveEntryFacts]
    public init(entries: [ArchiveEntryFacts]) { self.entries = entries }
}

/// What happened when one entry was actually inflated.
public struct InflationFacts: Sendable, Equatable {
    public var entry: String
    public var declaredSize: UInt64
    /// Bytes the inflater produced before it finished or was stopped.
    public var inflatedBytes: UInt64
    /// True when reading was stopped because the entry produced more than it declared or than the cap.
    public var stoppedEarly: Bool
    /// libzip's message when inflating failed (CRC mismatch, corrupt deflate stream).
    public var failure: String?

    public init(entry: String, declaredSize: UInt64, inflatedBytes: UInt64, stoppedEarly: Bool = false, failure: String? = nil) {
        self.entry = entry
        self.declaredSize = declaredSize
        self.inflatedBytes = inflatedBytes
        self.stoppedEarly = stoppedEarly
        self.failure = failure
    }
}

/// One employee with everything the intake learned of their photo.
public struct EmployeeSubject: Sendable, Equatable {
    public var record: EmployeeRecord
    /// nil when the roster names a photo the bundle does not hold.
    public var photo: PhotoFacts?

    public init(record: EmployeeRecord, photo: PhotoFacts?) {
        self.record = record
        self.photo = photo
    }
}

/// The bundle-level facts: the roster's header, the letter, and what else the bundle holds.
public struct BundleFacts: Sendable, Equatable {
    public var rosterFormat: RosterFormat
    public var header: RosterHeader
    public var employeeCount: Int
    /// nil when the letter the roster names is not in the bundle.
    public var letter: LetterFacts?
    /// Entries that are neither the roster, the letter, nor a photo named by the roster.
    public var unreferencedEntries: [String]

    public init(rosterFormat: RosterFormat, header: RosterHeader, employeeCount: Int, letter: LetterFacts?, unreferencedEntries: [String] = []) {
        self.rosterFormat = rosterFormat
        self.header = header
        self.employeeCount = employeeCount
        self.letter = letter
        self.unreferencedEntries = unreferencedEntries
    }
}
