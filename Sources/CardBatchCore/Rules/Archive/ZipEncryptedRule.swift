/// Refuses encrypted entries: the outlet has no password, and cannot check what it cannot read.
public struct ZipEncryptedRule: Rule {
    public static let description = RuleDescription(
        identifier: "zip.encrypted", severity: .error, scope: .bundle, category: .archive,
        title: LocalizedText(en: "No encrypted entries", zh: "压缩包不得加密"),
        rationale: "Encrypted entries cannot be checked or produced into cards. Submit the bundle without a password."
    )
    public init() {}

    public func check(_ entry: ArchiveEntryFacts, in context: RuleContext) -> [Finding] {
        guard entry.isEncrypted else { return [] }
        return [Self.description.finding(
            at: Location(bundle: context.bundle, entry: entry.name), value: "encrypted", expected: "not encrypted",
            en: "Entry \"\(entry.name)\" is password-protected. Create the ZIP without a password.",
            zh: "压缩包内 \"\(entry.name)\" 设有密码。请不加密码重新压缩。"
        )]
    }

    public static var examples: RuleExamples<ArchiveEntryFacts> {
        RuleExamples(triggering: [Example.entry("roster.csv", isEncrypted: true)],
                     passing: [Example.entry("roster.csv")])
    }
}
