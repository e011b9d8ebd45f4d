/// The photo is 24-bit true colour: three 8-bit components.
public struct PhotoColorRule: Rule {
    public static let description = RuleDescription(
        identifier: "photo.color", severity: .error, scope: .employee, category: .photo,
        title: LocalizedText(en: "Photo is 24-bit true colour", zh: "照片须为 24 位真彩色"),
        rationale: "Color: 24-bit true color (Document Requirements): three 8-bit components (YCbCr or RGB). Greyscale and CMYK JPEGs are refused.",
        fixHint: .retakePhoto
    )
    public init() {}

    public func check(_ subject: EmployeeSubject, in context: RuleContext) -> [Finding] {
        guard let photo = subject.photo, let jpeg = photo.jpeg else { return [] }
        guard jpeg.components != 3 || jpeg.bitsPerComponent != 8 else { return [] }
        let record = subject.record
        let found = "\(jpeg.components) × \(jpeg.bitsPerComponent)-bit \(jpeg.colorspace)"
        return [record.finding(
            Self.description, context, field: .photo, value: found, expected: "3 × 8-bit colour (24-bit)",
            en: "Row \(record.row): photo \"\(photo.entry)\" is \(found); it must be 24-bit colour (3 × 8-bit). Export it as an RGB colour JPEG.",
            zh: "第 \(record.row) 行：照片 \"\(photo.entry)\" 为 \(found)，须为 24 位真彩色。请导出为 RGB 彩色 JPG。"
        )]
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(
            triggering: [
                Example.photo { $0.jpeg?.components = 1; $0.jpeg?.colorspace = "Gray" },
                Example.photo { $0.jpeg?.components = 4; $0.jpeg?.colorspace = "CMYK" },
            ],
            passing: [Example.employee, Example.photo { $0.jpeg?.colorspace = "RGB" }]
        )
    }
}
