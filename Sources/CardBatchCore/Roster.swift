/// The once-per-bundle part of a roster: employer, designated staff member, authorization letter.
public struct RosterHeader: Sendable, Equatable {
    public var values: [RosterField: String]
    /// Where the header was read (the first data line for CSV, the element's line for XML).
    public var line: Int?

    public init(values: [RosterField: String] = [:], line: Int? = nil) {
        self.values = values
        self.line = line
    }

    public subscript(field: RosterField) -> String {
        get { values[field] ?? "" }
        set { values[field] = newValue }
    }
}

/// One employee as the roster lists them: raw text values, trimmed, not yet judged.
public struct EmployeeRecord: Sendable, Equatable {
    /// 1-based position among the roster's employees: what reports call the row.
    public var row: Int
    /// Line in the roster file where the employee starts.
    public var line: Int?
    /// XPath-like element path, for XML rosters.
    public var path: String?
    public var format: RosterFormat
    /// One slot per `RosterField` case, in declaration order. A fixed array rather than a dictionary:
    /// a bundle may hold 10,000 records, and a 13-entry dictionary costs twice the memory.
    private var slots: [String]

    public init(row: Int, line: Int? = nil, path: String? = nil, format: RosterFormat, values: [RosterField: String]) {
        self.row = row
        self.line = line
        self.path = path
        self.format = format
        slots = RosterField.allCases.map { values[$0] ?? "" }
    }

    public subscript(field: RosterField) -> String {
        get { slots[field.slot] }
        set { slots[field.slot] = newValue }
    }

    /// Nationality plus passport number: passport numbers are unique only per issuing state.
    public var identityKey: String { "\(self[.nationality])/\(self[.passportNumber])" }

    public func location(_ context: RuleContext) -> Location {
        Location(bundle: context.bundle, entry: context.rosterEntry, line: line, row: row, path: path)
    }

    /// Builds a finding of `rule` about `field` of this employee.
    public func finding(
        _ rule: RuleDescription, _ context: RuleContext, field: RosterField?,
        value: String? = nil, expected: String? = nil, en: String, zh: String
    ) -> Finding {
        rule.finding(
            at: location(context), field: field?.name(in: format), value: value, expected: expected, en: en, zh: zh
        )
    }
}

/// A parsed roster.
public struct Roster: Sendable, Equatable {
    public var format: RosterFormat
    /// The roster's entry name inside the bundle.
    public var entry: String
    public var header: RosterHeader
    public var employees: [EmployeeRecord]

    public init(format: RosterFormat, entry: String, header: RosterHeader, employees: [EmployeeRecord]) {
        self.format = format
        self.entry = entry
        self.header = header
        self.employees = employees
    }
}
