/// No border or frame around the photo.
public struct PhotoBorderRule: Rule {
    public static let description = RuleDescription(
        identifier: "photo.border", severity: .error, scope: .employee, category: .photo,
        title: LocalizedText(en: "Photo has no border or frame", zh: "照片无边框"),
        rationale: "Photo: \"without borders\" (Document Requirements). The outermost lines along the top and sides are compared with the background just inside them, where that is not the person; a frame line differs by more than 12 in L*. Calibrated on real faces framed as the card standard asks (controls up to about 9, a light grey frame 17.5, a dark one 85). Configured by photoChecks.maxBorderContrast.",
        configurationKeys: ["photoChecks.maxBorderContrast"],
        fixHint: .retakePhoto
    )
    public init() {}

    public func check(_ s: EmployeeSubject, in context: RuleContext) -> [Finding] {
        guard let m = s.photo?.measurements else { return [] }
        let t = context.configuration.photoChecks
        guard m.borderContrast > t.maxBorderContrast else { return [] }
        return [s.photoFinding(Self.description, context, value: "edge contrast \(fmt(m.borderContrast))", expected: "≤ \(fmt(t.maxBorderContrast))",
            en: "it has a border or frame along its edge (contrast \(fmt(m.borderContrast)) with the background, at most \(fmt(t.maxBorderContrast))). Export the photo without a frame.",
            zh: "照片边缘有边框（与背景的对比度 \(fmt(m.borderContrast))，最多 \(fmt(t.maxBorderContrast))）。请导出无边框的照片。")]
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(triggering: [Example.measured { $0.borderContrast = 18 }], passing: [Example.measured { _ in }])
    }
}
