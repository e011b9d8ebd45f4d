extension RuleRegistry {
    /// A message the rule gives, for `explain` (see `RuleDescribing.exampleMessage`).
    public static func exampleMessage(for identifier: String) -> LocalizedText? {
        allTypes.first { $0.description.identifier == identifier }?.exampleMessage
    }
}
