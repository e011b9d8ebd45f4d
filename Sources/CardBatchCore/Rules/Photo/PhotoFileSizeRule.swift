/// The photo file is within the size window (40,960–100,000 bytes by default, both inclusive).
public struct PhotoFileSizeRule: Rule {
    public static let description = RuleDescription(
        identifier: "photo.file-size", severity: .error, scope: .employee, category: .photo,
        title: LocalizedText(en: "Photo file size is within the required window", zh: "照片文件大小须在规定范围内"),
        rationale: "Size: 40K–100K bytes (Document Requirements). 40,960 to 100,000 bytes is the window both readings of K (1,000 and 1,024) accept; both edges are inclusive. Configured by photo.minBytes and photo.maxBytes.",
        configurationKeys: ["photo.minBytes", "photo.maxBytes"],
        fixHint: .runFixPhoto
    )
    public init() {}

    public func check(_ subject: EmployeeSubject, in context: RuleContext) -> [Finding] {
        guard let photo = subject.photo else { return [] }
        let limits = context.configuration.photo
        guard photo.byteCount < limits.minBytes || photo.byteCount > limits.maxBytes else { return [] }
        let record = subject.record
        let advice = photo.byteCount < limits.minBytes ? "Save it at a higher JPEG quality." : "Save it at a lower JPEG quality."
        let adviceZH = photo.byteCount < limits.minBytes ? "请提高 JPG 保存质量。" : "请降低 JPG 保存质量。"
        return [record.finding(
            Self.description, context, field: .photo, value: "\(photo.byteCount.grouped) bytes", expected: "\(limits.minBytes.grouped)–\(limits.maxBytes.grouped) bytes",
            en: "Row \(record.row): photo \"\(photo.entry)\" is \(photo.byteCount.grouped) bytes; it must be \(limits.minBytes.grouped)–\(limits.maxBytes.grouped) bytes. \(advice)",
            zh: "第 \(record.row) 行：照片 \"\(photo.entry)\" 为 \(photo.byteCount.grouped) 字节，须为 \(limits.minBytes.grouped)–\(limits.maxBytes.grouped) 字节。\(adviceZH)"
        )]
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(
            triggering: [Example.photo { $0.byteCount = 40_959 }, Example.photo { $0.byteCount = 100_001 }, Example.photo { $0.byteCount = 2_400_000 }],
            passing: [Example.photo { $0.byteCount = 40_960 }, Example.photo { $0.byteCount = 100_000 }, Example.employee]
        )
    }
}
