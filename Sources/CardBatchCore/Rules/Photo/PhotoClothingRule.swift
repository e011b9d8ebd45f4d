/// The clothing stands out from the white backdrop.
public struct PhotoClothingRule: Rule {
    public static let description = RuleDescription(
        identifier: "photo.clothing", severity: .error, scope: .employee, category: .photo,
        title: LocalizedText(en: "Clothing stands out from the backdrop", zh: "服装与背景颜色有明显区别"),
        rationale: "National technical requirements for social security card digital photos: clothing distinguishable from the white background, so the shoulders' outline prints. Measured as the mean CIE ΔE*ab between the backdrop (the top rows) and the shoulders: the bottom tenth of the photo below the chin, beside the neck. White or very pale clothing is refused. Calibrated on the calibration set's real faces (controls at least 31, white clothing at most 7).",
        configurationKeys: ["faceChecks.minClothingContrast"],
        fixHint: .retakePhoto
    )
    public init() {}

    public func check(_ s: EmployeeSubject, in context: RuleContext) -> [Finding] {
        guard let g = s.photo?.face?.geometry else { return [] }
        let t = context.configuration.faceChecks
        guard g.clothingContrast < t.minClothingContrast else { return [] }
        return [s.photoFinding(Self.description, context, value: "clothing ΔE \(fmt(g.clothingContrast)) from the backdrop", expected: "≥ \(fmt(t.minClothingContrast))",
            en: "the clothing is almost the colour of the backdrop (ΔE \(fmt(g.clothingContrast)), at least \(fmt(t.minClothingContrast)) needed). Wear darker or coloured clothing, not white.",
            zh: "服装颜色与背景过于接近（色差 \(fmt(g.clothingContrast))，至少须为 \(fmt(t.minClothingContrast))）。请穿深色或彩色服装，勿穿白色。")]
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(triggering: [Example.posed { $0.clothingContrast = 6.5 }], passing: [Example.employee, Example.faced { _ in }, Example.posed { $0.clothingContrast = 20 }])
    }
}
