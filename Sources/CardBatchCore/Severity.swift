/// How much a finding weighs: an error rejects (the employee, or the whole bundle for a bundle rule);
/// a warning is reported and rejects nothing.
public enum Severity: String, Codable, Sendable, Comparable, CaseIterable {
    case error
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        // Errors sort first in reports.
        lhs == .error && rhs == .warning
    }
}

/// What a rule judges: a whole bundle (an error rejects the bundle) or one employee (an error rejects
/// that employee only).
public enum RuleScope: String, Codable, Sendable {
    case bundle
    case employee
}
