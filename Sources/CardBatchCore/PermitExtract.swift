/// One valid work permit from the authority's reference extract (`--permits FILE`).
public struct PermitRecord: Sendable, Equatable {
    public var permitNumber: String
    public var nationality: String
    public var passportNumber: String
    public var name: String
    public var expiry: String
    /// Line in the extract, for messages.
    public var line: Int

    public init(permitNumber: String, nationality: String, passportNumber: String, name: String, expiry: String, line: Int) {
        self.permitNumber = permitNumber
        self.nationality = nationality
        self.passportNumber = passportNumber
        self.name = name
        self.expiry = expiry
        self.line = line
    }
}

/// The reference extract of valid work permits, by permit number.
public struct PermitExtract: Sendable, Equatable {
    /// The extract's file name, for messages.
    public var source: String
    public var byNumber: [String: PermitRecord]

    public init(source: String, permits: [PermitRecord]) {
        self.source = source
        byNumber = Dictionary(permits.map { ($0.permitNumber.uppercased(), $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func permit(_ number: String) -> PermitRecord? { byNumber[number.uppercased()] }
}
