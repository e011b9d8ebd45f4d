/// What a rule judges. Reports group by it, and "is this a photo problem" is asked of it, never of
/// the identifier's spelling.
public enum RuleCategory: String, Codable, Sendable, CaseIterable {
    case archive, roster, employer, letter, employee, photo
}
