/// Where a finding points: the bundle, the entry inside it, and for roster findings the line, the
/// employee's row (1-based position in the roster) and, for XML, the element path.
public struct Location: Codable, Sendable, Hashable, Comparable {
    public var bundle: String
    public var entry: String?
    public var line: Int?
    public var row: Int?
    public var path: String?

    public init(bundle: String, entry: String? = nil, line: Int? = nil, row: Int? = nil, path: String? = nil) {
        self.bundle = bundle
        self.entry = entry
        self.line = line
        self.row = row
        self.path = path
    }

    /// `bundle.zip:roster.csv:12` — the compiler-style prefix people and editors understand.
    public var compilerStyle: String {
        var text = bundle
        if let entry { text += ":\(entry)" }
        if let line { text += ":\(line)" }
        return text
    }

    public static func < (lhs: Location, rhs: Location) -> Bool {
        (lhs.bundle, lhs.entry ?? "", lhs.line ?? 0, lhs.row ?? 0, lhs.path ?? "")
            < (rhs.bundle, rhs.entry ?? "", rhs.line ?? 0, rhs.row ?? 0, rhs.path ?? "")
    }
}

/// One thing a rule found. Findings are values to report, never thrown errors: only the tool's own
/// failures throw.
public struct Finding: Codable, Sendable, Hashable, Comparable {
    public var rule: String
    public var severity: Severity
    public var scope: RuleScope
    public var location: Location
    /// The field's name as the roster's own format spells it (`passport_number` in CSV,
    /// `passportNumber` in XML), when the finding is about one field.
    public var field: String?
    /// The offending value as found. Reports are owner-only files; logs never print this.
    public var value: String?
    /// What was expected instead, in words or as a pattern.
    public var expected: String?
    public var message: LocalizedText

    public init(rule: String, severity: Severity, scope: RuleScope, location: Location, field: String? = nil,
                value: String? = nil, expected: String? = nil, message: LocalizedText) {
        self.rule = rule
        self.severity = severity
        self.scope = scope
        self.location = location
        self.field = field
        self.value = value
        self.expected = expected
        self.message = message
    }

    /// `bundle.zip:roster.csv:12: error: [photo.dimensions] photo: 400 × 500, expected 358 × 441`: the
    /// one-line form for terminals and logs, with no personal data (see `summary`).
    public var compilerStyle: String {
        "\(location.compilerStyle): \(severity.rawValue): [\(rule)] \(summary)"
    }

    /// The problem in one line, for terminals and logs: the field, what was found and what is
    /// expected (`photo: 38,112 bytes, expected 40,960–100,000 bytes`). Personal data never appears:
    /// a passport number is masked, any other personal field's value withheld (the reports, which
    /// are owner-only, carry it).
    public var summary: String {
        let personal = field.flatMap(RosterField.init(name:))
        func shown(_ data: String?) -> String {
            switch (data, personal) {
            case (nil, _): "none"
            case (let data?, _) where data.isEmpty: "empty"
            // Each word that can be a passport number is masked: one holding a digit, or four or more
            // capitals ("FRA 19AB12345", "19AB12345 (the permits extract)"); nationality codes have three.
            case (let data?, .passportNumber?): data.split(separator: " ", omittingEmptySubsequences: false).map { word in
                let number = word.contains(where: \.isNumber) || (word.count >= 4 && word.allSatisfy { $0.isUppercase || $0.isNumber })
                return number ? Masking.passport(String(word)) : String(word)
            }.joined(separator: " ")
            case (_, let field?) where field.isPersonal: "(withheld)"
            case (let data?, _): data
            }
        }
        let subject = field.map { "\($0): " } ?? ""
        let description = RuleRegistry.description(of: rule)
        let found = description?.valueNamesAFile == true && !(value ?? "").isEmpty ? "(file name withheld)" : shown(value)
        return subject + found + (expected.map { ", expected " + (description?.expectsRosterData == true ? shown($0) : $0) } ?? "")
    }

    /// Sorted by place first, then errors before warnings, then rule, so output never depends on
    /// the order in which workers finished.
    public static func < (lhs: Finding, rhs: Finding) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        return (lhs.field ?? "", lhs.message.en) < (rhs.field ?? "", rhs.message.en)
    }
}

extension Array where Element == Finding {
    public var hasErrors: Bool { contains { $0.severity == .error } }
}

extension Finding {
    /// The category of the rule that made this finding.
    public var category: RuleCategory? { RuleRegistry.description(of: rule)?.category }
}
