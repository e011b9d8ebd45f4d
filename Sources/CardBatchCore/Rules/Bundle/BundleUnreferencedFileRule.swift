/// Warns about files the roster does not mention: usually a photo whose name in the roster is misspelt.
public struct BundleUnreferencedFileRule: Rule {
    public static let description = RuleDescription(
        identifier: "bundle.unreferenced-file", severity: .warning, scope: .bundle, category: .archive,
        title: LocalizedText(en: "Every file in the bundle is named by the roster", zh: "压缩包中的文件均应在名册中引用"),
        rationale: "A file no row names is often the right photo under a misspelt name; the warning points at it. Tool junk (__MACOSX, .DS_Store, Thumbs.db) is ignored.",
        valueNamesAFile: true
    )
    public init() {}

    public func check(_ facts: BundleFacts, in context: RuleContext) -> [Finding] {
        facts.unreferencedEntries.sorted().map { entry in
            Self.description.finding(
                at: Location(bundle: context.bundle, entry: entry), value: entry, expected: "a file the roster names",
                en: "File \"\(entry)\" is not named by the roster and is ignored. If it is an employee's photo, correct the name in the roster.",
                zh: "文件 \"\(entry)\" 未在名册中引用，将被忽略。如为员工照片，请更正名册中的文件名。"
            )
        }
    }

    public static var examples: RuleExamples<BundleFacts> {
        RuleExamples(triggering: [Example.bundle { $0.unreferencedEntries = ["photos/martn.jpg"] }], passing: [Example.bundle])
    }
}
