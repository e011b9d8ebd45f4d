/// Detected where the bytes are read; see `description.rationale`.
public enum BundleUnreadableRule: DetectedRule {
    public static let description = RuleDescription(
        identifier: "bundle.unreadable", severity: .error, scope: .bundle, category: .archive,
        title: LocalizedText(en: "The bundle is a readable ZIP file", zh: "提交的文件须为可读取的 ZIP 压缩包"),
        rationale: "libzip must be able to open the file and read its central directory. A renamed RAR or 7z file, a truncated upload or a file that is not a ZIP at all is refused as a whole."
    )

    /// What the intake says (produced for real in `DetectedRuleExampleTests`).
    public static let example = LocalizedText(en: "bundle.zip cannot be opened as a ZIP file (Not a zip archive). Submit a .zip made by your system's \"compress\" command, not RAR or 7z.",
        zh: "bundle.zip 无法作为 ZIP 压缩包打开（Not a zip archive）。请用系统自带的“压缩”功能制作 .zip 文件，不要使用 RAR 或 7z。")
}
