/// The photo is not rotated by its EXIF orientation.
public struct PhotoOrientationRule: Rule {
    public static let description = RuleDescription(
        identifier: "photo.orientation", severity: .error, scope: .employee, category: .photo,
        title: LocalizedText(en: "Photo is not turned sideways by its EXIF orientation", zh: "照片未被 EXIF 方向标记旋转"),
        rationale: "Phones store portraits sideways and add an EXIF orientation (5–8) telling viewers to turn them. Such a photo is displayed 441 × 358, not 358 × 441, and card printers ignore the tag. Save the photo upright (most editors do so on export).",
        fixHint: .runFixPhoto
    )
    public init() {}

    public func check(_ s: EmployeeSubject, in context: RuleContext) -> [Finding] {
        guard let o = s.photo?.exifOrientation, (5...8).contains(o) else { return [] }
        return [s.photoFinding(Self.description, context, value: "EXIF orientation \(o)", expected: "orientation 1 (upright) or none",
            en: "it is stored sideways with EXIF orientation \(o), so it displays as \(context.configuration.photo.height) × \(context.configuration.photo.width). Save it upright without the orientation tag.",
            zh: "照片以侧向存储（EXIF 方向值 \(o)），显示为 \(context.configuration.photo.height) × \(context.configuration.photo.width)。请另存为正向且不含方向标记的照片。")]
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(triggering: [Example.photo { $0.exifOrientation = 6 }, Example.photo { $0.exifOrientation = 8 }],
                     passing: [Example.employee, Example.photo { $0.exifOrientation = 1 }, Example.photo { $0.exifOrientation = 3 }])
    }
}
