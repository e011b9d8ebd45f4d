/// The photo was not saved with heavy JPEG compression.
public struct PhotoCompressionRule: Rule {
    public static let description = RuleDescription(
        identifier: "photo.compression", severity: .error, scope: .employee, category: .photo,
        title: LocalizedText(en: "Photo is not heavily compressed", zh: "照片未经过度压缩"),
        rationale: "Photo: \"with clear facial features and no spots, flaws\" (Document Requirements). Heavy JPEG compression turns a face into visible 8 × 8 blocks. The quality the photo was saved at is estimated from its quantisation table (read with libjpeg) against the IJG standard table; below 50 is refused. Configured by photoChecks.minJPEGQuality.",
        configurationKeys: ["photoChecks.minJPEGQuality"],
        fixHint: .runFixPhoto
    )
    public init() {}

    public func check(_ s: EmployeeSubject, in context: RuleContext) -> [Finding] {
        guard let quality = s.photo?.jpegQuality else { return [] }
        let minimum = context.configuration.photoChecks.minJPEGQuality
        guard quality < minimum else { return [] }
        return [s.photoFinding(Self.description, context, value: "estimated JPEG quality \(quality)", expected: "at least \(minimum)",
            en: "it is heavily compressed (estimated JPEG quality \(quality), at least \(minimum) needed), so the face shows blocks. Save it again from the original at a higher quality.",
            zh: "照片压缩过度（估计 JPG 质量 \(quality)，至少须为 \(minimum)），面部出现方块。请用原图以更高质量重新保存。")]
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(triggering: [Example.photo { $0.jpegQuality = 20 }, Example.photo { $0.jpegQuality = 49 }],
                     passing: [Example.employee, Example.photo { $0.jpegQuality = 50 }, Example.photo { $0.jpegQuality = 92 }])
    }
}
