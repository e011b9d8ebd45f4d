/// The photo is exactly the configured size (358 × 441 pixels by default).
public struct PhotoDimensionsRule: Rule {
    public static let description = RuleDescription(
        identifier: "photo.dimensions", severity: .error, scope: .employee, category: .photo,
        title: LocalizedText(en: "Photo has the required width and height in pixels", zh: "照片像素尺寸须符合规定"),
        rationale: "Dimensions: 358 (width) × 441 (height) pixels (Document Requirements). Configured by photo.width and photo.height.",
        configurationKeys: ["photo.width", "photo.height"],
        fixHint: .runFixPhoto
    )
    public init() {}

    public func check(_ subject: EmployeeSubject, in context: RuleContext) -> [Finding] {
        guard let photo = subject.photo, let jpeg = photo.jpeg else { return [] }
        let limits = context.configuration.photo
        guard jpeg.width != limits.width || jpeg.height != limits.height else { return [] }
        let record = subject.record
        return [record.finding(
            Self.description, context, field: .photo, value: "\(jpeg.width) × \(jpeg.height)", expected: "\(limits.width) × \(limits.height)",
            en: "Row \(record.row): photo \"\(photo.entry)\" is \(jpeg.width) × \(jpeg.height) pixels; it must be exactly \(limits.width) (width) × \(limits.height) (height).",
            zh: "第 \(record.row) 行：照片 \"\(photo.entry)\" 为 \(jpeg.width) × \(jpeg.height) 像素，须为 \(limits.width)（宽）× \(limits.height)（高）像素。"
        )]
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(
            triggering: [Example.photo { $0.jpeg?.width = 441; $0.jpeg?.height = 358 }, Example.photo { $0.jpeg?.width = 357 }],
            passing: [Example.employee]
        )
    }
}
