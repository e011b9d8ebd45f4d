/// The photo really is a JPEG: its bytes start like one and the decoder reads it to the end.
public struct PhotoFormatRule: Rule {
    public static let description = RuleDescription(
        identifier: "photo.format", severity: .error, scope: .employee, category: .photo,
        title: LocalizedText(en: "Photo is a real JPEG file", zh: "照片须为真实的 JPG 文件"),
        rationale: "Format: JPG (Document Requirements). The file is judged by its bytes and decoded with libjpeg-turbo: a PNG renamed to .jpg, or a truncated JPEG, is caught.",
        fixHint: .runFixPhoto
    )
    public init() {}

    public func check(_ subject: EmployeeSubject, in context: RuleContext) -> [Finding] {
        guard let photo = subject.photo else { return [] }
        let record = subject.record
        if photo.signature != .jpeg {
            return [record.finding(
                Self.description, context, field: .photo, value: photo.signature.displayName, expected: "a JPEG image",
                en: "Row \(record.row): photo \"\(photo.entry)\" is \(photo.signature.displayName), not a JPEG. Save or export it as JPEG; renaming the file is not enough.",
                zh: "第 \(record.row) 行：照片 \"\(photo.entry)\" 实际为\(photo.signature.displayNameZH)，不是 JPG。请另存为 JPG 格式（仅改扩展名无效）。"
            )]
        }
        if let error = photo.decodeError {
            return [record.finding(
                Self.description, context, field: .photo, value: error, expected: "a JPEG the decoder reads to the end",
                en: "Row \(record.row): photo \"\(photo.entry)\" is a damaged JPEG (\(error)). Export the photo again.",
                zh: "第 \(record.row) 行：照片 \"\(photo.entry)\" 已损坏（\(error)）。请重新导出照片。"
            )]
        }
        return []
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(
            triggering: [
                Example.photo { $0.signature = .png; $0.jpeg = nil },
                Example.photo { $0.jpeg = nil; $0.decodeError = "Premature end of JPEG file" },
            ],
            passing: [Example.employee, Example.employee { $0.photo = nil }]
        )
    }
}
