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
    /// Every field's UTF-8 text in one buffer, one field per `RosterField` case in declaration order:
    /// first each field's end offset (4 bytes, little-endian), then the texts back to back. One
    /// allocation a record instead of an array of 13 strings and the heap text of the longer ones:
    /// a bundle may hold 100,000 records.
    private(set) var packed: [UInt8]

    private static let fieldCount = RosterField.allCases.count

    private static func pack(_ values: [String]) -> [UInt8] {
        var packed = [UInt8](repeating: 0, count: fieldCount * 4)
        packed.reserveCapacity(fieldCount * 4 + values.reduce(0) { $0 + $1.utf8.count })
        for (i, value) in values.enumerated() {
            packed.append(contentsOf: value.utf8)
            let end = UInt32(packed.count - fieldCount * 4)
            for b in 0..<4 { packed[i * 4 + b] = UInt8(truncatingIfNeeded: end >> (8 * UInt32(b))) }
        }
        return packed
    }

    private func end(_ slot: Int) -> Int {
        guard slot >= 0 else { return 0 }
        return (0..<4).reduce(0) { $0 | Int(packed[slot * 4 + $1]) << (8 * $1) }
    }

    public init(row: Int, line: Int? = nil, path: String? = nil, format: RosterFormat, values: [RosterField: String]) {
        self.row = row
        self.line = line
        self.path = path
        self.format = format
        packed = Self.pack(RosterField.allCases.map { values[$0] ?? "" })
    }

    /// A record from its packed texts (a spill reading it back); nil when `packed` is not laid out as
    /// `pack` lays it out.
    init?(row: Int, line: Int?, path: String?, format: RosterFormat, packed: [UInt8]) {
        let base = Self.fieldCount * 4
        guard packed.count >= base else { return nil }
        self.row = row
        self.line = line
        self.path = path
        self.format = format
        self.packed = packed
        var previous = 0
        for slot in 0..<Self.fieldCount {
            let end = end(slot)
            guard end >= previous, end <= packed.count - base else { return nil }
            previous = end
        }
    }

    /// Every field's text, one per `RosterField` case in declaration order.
    public var fieldValues: [String] { (0..<Self.fieldCount).map(value(slot:)) }

    private func value(slot: Int) -> String {
        let base = Self.fieldCount * 4
        return String(decoding: packed[(base + end(slot - 1))..<(base + end(slot))], as: UTF8.self)
    }

    public subscript(field: RosterField) -> String {
        get { value(slot: field.slot) }
        set {
            var values = fieldValues
            values[field.slot] = newValue
            packed = Self.pack(values)
        }
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
    public var employees: EmployeeRecords

    public init(format: RosterFormat, entry: String, header: RosterHeader, employees: EmployeeRecords) {
        self.format = format
        self.entry = entry
        self.header = header
        self.employees = employees
    }
}
