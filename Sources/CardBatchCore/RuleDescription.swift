/// The fixed facts of one rule. The identifier is part of the public contract (reports, `explain`,
/// configuration) and never changes once shipped; it is written out, never derived from a type name.
public struct RuleDescription: Sendable, Hashable {
    public let identifier: String
    public let severity: Severity
    public let scope: RuleScope
    /// English and Chinese one-line titles, as `cardbatch rules` lists them.
    public let title: LocalizedText
    /// What the rule judges: the archive, the roster, the employer, the letter, an employee's data
    /// or their photo.
    public let category: RuleCategory
    /// What the rule checks and why, citing the issuance process where it applies.
    public let rationale: String
    /// The configuration keys the rule reads (`photo.minBytes`), as `cardbatch config` prints them.
    public let configurationKeys: [String]
    /// How a person fixes what the rule found, shown in the pre-check report beside each problem of
    /// an employee; nil where the finding's own message says it.
    public let fixHint: LocalizedText?
    /// True when a finding's `expected` is itself roster data (the MRZ's reading of a field), to be
    /// masked like the value wherever personal data may not appear.
    public let expectsRosterData: Bool
    /// True when a finding's value is a file name the employer chose (`photos/johnson.jpg`): photos
    /// are named after people, so terminals and logs withhold it.
    public let valueNamesAFile: Bool

    public init(identifier: String, severity: Severity, scope: RuleScope, category: RuleCategory, title: LocalizedText, rationale: String,
                configurationKeys: [String] = [], fixHint: LocalizedText? = nil, expectsRosterData: Bool = false,
                valueNamesAFile: Bool = false) {
        self.identifier = identifier
        self.severity = severity
        self.scope = scope
        self.category = category
        self.title = title
        self.rationale = rationale
        self.configurationKeys = configurationKeys
        self.fixHint = fixHint
        self.expectsRosterData = expectsRosterData
        self.valueNamesAFile = valueNamesAFile
    }

    /// Builds a finding of this rule. Every finding in the tool is made here, so identifier, severity
    /// and scope can never disagree with the rule's description.
    public func finding(
        at location: Location,
        field: String? = nil,
        value: String? = nil,
        expected: String? = nil,
        en: String,
        zh: String,
        severity override: Severity? = nil
    ) -> Finding {
        Finding(
            rule: identifier,
            severity: override ?? severity,
            scope: scope,
            location: location,
            field: field,
            value: value,
            expected: expected,
            message: LocalizedText(en: en, zh: zh)
        )
    }
}
