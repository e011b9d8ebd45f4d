/// Detected where the bytes are read; see `description.rationale`.
public enum BundleUnreadableRule: RuleDescribing {
    public static let description = RuleDescription(
        identifier: "bundle.unreadable", severity: .error, scope: .bundle, category: .archive,
        title: LocalizedText(en: "The bundle is a readable ZIP file", zh: "提交的文件须为可读取的 ZIP 压缩包"),
        rationale: "libzip must be able to open the file and read its central directory. A renamed RAR or 7z file, a truncated upload or a file that is not a ZIP at all is refused as a whole."
    )
}
