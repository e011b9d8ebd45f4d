/// Refuses symbolic links and device entries: a link inside a bundle can point anywhere on the
/// machine that unpacks it.
public struct ZipEntryKindRule: Rule {
    public static let description = RuleDescription(
        identifier: "zip.symlink", severity: .error, scope: .bundle, category: .archive,
        title: LocalizedText(en: "No symbolic links or device entries", zh: "压缩包内不得含符号链接或设备文件"),
        rationale: "A symlink entry can make a later entry, or a reader that follows it, touch files outside the bundle. Bundles hold only plain files and folders."
    )
    public init() {}

    public func check(_ entry: ArchiveEntryFacts, in context: RuleContext) -> [Finding] {
        guard entry.kind == .symlink || entry.kind == .device else { return [] }
        return [Self.description.finding(
            at: Location(bundle: context.bundle, entry: entry.name), value: entry.kind.rawValue, expected: "a regular file",
            en: "Entry \"\(entry.name)\" is a \(entry.kind == .symlink ? "symbolic link" : "device file"); only regular files are accepted.",
            zh: "压缩包内 \"\(entry.name)\" 是\(entry.kind == .symlink ? "符号链接" : "设备文件")；只接受普通文件。"
        )]
    }

    public static var examples: RuleExamples<ArchiveEntryFacts> {
        RuleExamples(
            triggering: [Example.entry("photos/a.jpg", kind: .symlink), Example.entry("dev", kind: .device)],
            passing: [Example.entry("photos/a.jpg"), Example.entry("photos/", kind: .directory)]
        )
    }
}
