public import CardBatchCore

/// What parsing a roster gave: the roster, or nothing when it could not be read at all, plus every
/// finding on the way (an error among them rejects the bundle).
public struct RosterParseResult: Sendable {
    public var roster: Roster?
    public var findings: [Finding]

    public init(roster: Roster?, findings: [Finding]) {
        self.roster = roster
        self.findings = findings
    }

    static func rejected(_ findings: [Finding]) -> RosterParseResult { RosterParseResult(roster: nil, findings: findings) }
}

/// Parses a roster of either format.
public enum RosterParser {
    public static func parse(bytes: [UInt8], entry: String, context: RuleContext) -> RosterParseResult {
        entry.lowercased().hasSuffix(".xml")
            ? XMLRosterParser.parse(bytes: bytes, entry: entry, context: context)
            : CSVRosterParser.parse(bytes: bytes, entry: entry, context: context)
    }
}
