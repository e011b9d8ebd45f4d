/// Every rule cardbatch applies, grouped by what it judges. Adding a rule means adding its file under
/// `Rules/`: the groups are generated from the rule files; tests fail for a duplicate identifier and
/// for a rule file that does not hold exactly the rule it is named after.
public enum RuleRegistry {
    /// Changes whenever a rule is added, removed, or changes meaning; printed in every report so a
    /// result can be traced to the rules that made it.
    public static let ruleSetVersion = "2026.11.6"

    // The lists come from the rule files (RuleRegistry+Generated.swift, made by RuleRegistryGenerator
    // on every build): a rule joins its group by the subject its `check` takes.
    public static let archiveEntryRules = generatedArchiveEntryRules
    public static let entryCountRules = generatedEntryCountRules
    public static let archiveRules = generatedArchiveRules
    public static let inflationRules = generatedInflationRules
    /// Rules over the bundle's contract names (where is the roster).
    public static let layoutRules = generatedLayoutRules
    public static let bundleRules = generatedBundleRules
    public static let employeeRules = generatedEmployeeRules
    /// Rules over all employees at once (duplicates).
    public static let rosterRules = generatedRosterRules
    /// Rules over the employees whose photo bytes repeat another employee's (same SHA-256), with their
    /// photos, once all photos are read (shared photos). Only those rows are given: the others are in
    /// the results spill, and reading every one back for a rule about repeats would cost a pass.
    public static let photoRosterRules = generatedPhotoRosterRules
    /// Each employee against the ledger of earlier bundles.
    public static let ledgerRules = generatedLedgerRules
    /// Each employee of a bundle refused as a whole.
    public static let bundleRejectionRules = generatedBundleRejectionRules
    /// Rules detected where the bytes are read, with no pure check of their own.
    public static let detectedRules = generatedDetectedRules

    /// Every rule type, checked or detected, by type name.
    public static let allTypes = generatedAllTypes

    /// Every rule's description, sorted by identifier.
    public static let all: [RuleDescription] = allTypes.map { $0.description }.sorted { $0.identifier < $1.identifier }

    private static let byIdentifier = Dictionary(all.map { ($0.identifier, $0) }, uniquingKeysWith: { first, _ in first })

    public static func description(of identifier: String) -> RuleDescription? { byIdentifier[identifier] }

    /// The employee rules that judge the photo (category `.photo`), for `fix-photo` and calibration.
    public static let photoRules: [any Rule<EmployeeSubject>] = employeeRules.filter { type(of: $0).description.category == .photo }

    public static func run<S>(_ rules: [any Rule<S>], on subject: S, in context: RuleContext) -> [Finding] {
        rules.flatMap { $0.check(subject, in: context) }
    }
}
