/// Every rule cardbatch applies, grouped by what it judges. Adding a rule means adding its type
/// here; a test fails for a rule type that is defined but not registered, and for a duplicate identifier.
public enum RuleRegistry {
    /// Changes whenever a rule is added, removed, or changes meaning; printed in every report so a
    /// result can be traced to the rules that made it.
    public static let ruleSetVersion = "2026.11.6"

    public static let archiveEntryRules: [any Rule<ArchiveEntryFacts>] = [
        ZipPathRule(), ZipEntryKindRule(), ZipEncryptedRule(), ZipEntrySizeRule(), ZipCompressionRatioRule(), ZipNameEncodingRule(),
    ]
    public static let entryCountRules: [any Rule<Int>] = [ZipEntryCountRule()]
    public static let archiveRules: [any Rule<ArchiveFacts>] = [ZipTotalSizeRule(), ZipDuplicateNameRule()]
    public static let inflationRules: [any Rule<InflationFacts>] = [ZipInflatedSizeRule(), ZipEntryCorruptRule()]
    /// Rules over the bundle's contract names (where is the roster).
    public static let layoutRules: [any Rule<[String]>] = [RosterMissingRule(), RosterMultipleRule()]
    public static let bundleRules: [any Rule<BundleFacts>] = [
        RosterEmptyRule(), RosterTooManyEmployeesRule(), EmployerRequiredFieldRule(), EmployerStaffIDTypeRule(),
        EmployerCreditCodeRule(), EmployerStaffIDRule(), LetterEncryptedRule(), LetterPagesRule(), LetterLegibilityRule(), LetterAgeRule(),
        EmployerFieldLengthRule(), LetterMissingRule(), LetterFormatRule(), LetterDateRule(), BundleUnreferencedFileRule(),
    ]
    public static let employeeRules: [any Rule<EmployeeSubject>] = [
        EmployeeRequiredFieldRule(), EmployeeFieldLengthRule(), EmployeeTextRule(), EmployeeDateRule(), EmployeeNationalityRule(),
        EmployeePassportNumberRule(), EmployeePassportExpiredRule(), EmployeeSexRule(), EmployeeMRZRule(),
        EmployeeChineseNationalRule(), EmployeeBirthDateRule(), EmployeeAdultRule(), EmployeePassportExpiringRule(),
        EmployeeWorkPermitExpiredRule(), EmployeeNameRule(), EmployeeChineseNameRule(), EmployeeWorkPermitNumberRule(),
        EmployeeWorkPermitMatchRule(),
        PhotoMissingRule(), PhotoFormatRule(), PhotoColorRule(), PhotoDimensionsRule(), PhotoFileSizeRule(),
        PhotoBackgroundWhiteRule(), PhotoBackgroundUniformRule(), PhotoBorderRule(), PhotoExposureRule(), PhotoSharpnessRule(),
        PhotoOrientationRule(), PhotoRecencyRule(), PhotoCompressionRule(), PhotoColorProfileRule(),
    ]
    /// Rules over all employees at once (duplicates).
    public static let rosterRules: [any Rule<[EmployeeRecord]>] = [EmployeeDuplicatePassportRule()]
    /// Rules over every employee with their photo, once all photos are read (shared photos).
    public static let photoRosterRules: [any Rule<[EmployeeSubject]>] = [PhotoDuplicateRule()]
    /// Each employee against the ledger of earlier bundles.
    public static let ledgerRules: [any Rule<(record: EmployeeRecord, earlier: LedgerBundle?)>] = [EmployeeAlreadyAcceptedRule()]
    /// Each employee of a bundle refused as a whole.
    public static let bundleRejectionRules: [any Rule<(record: EmployeeRecord, bundleErrors: [Finding])>] = [EmployeeBundleRejectedRule()]
    /// Rules detected where the bytes are read, with no pure check of their own.
    public static let detectedRules: [any DetectedRule.Type] = [
        BundleUnreadableRule.self, RosterEncodingRule.self, RosterSyntaxRule.self, RosterSchemaRule.self,
        RosterDTDRule.self, RosterEmployerConsistencyRule.self, RosterTooLargeRule.self,
    ]

    /// Every rule type, checked or detected.
    public static var allTypes: [any RuleDescribing.Type] {
        let checked: [any RuleDescribing] = entryCountRules + archiveEntryRules + archiveRules + inflationRules + layoutRules
            + bundleRules + employeeRules + rosterRules + photoRosterRules + ledgerRules + bundleRejectionRules
        return checked.map { type(of: $0) } + detectedRules.map { $0 as any RuleDescribing.Type }
    }

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
