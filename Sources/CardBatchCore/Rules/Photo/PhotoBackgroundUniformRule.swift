/// The background is uniform: no shadow, gradient, pattern or objects.
public struct PhotoBackgroundUniformRule: Rule {
    public static let description = RuleDescription(
        identifier: "photo.background-uniform", severity: .error, scope: .employee, category: .photo,
        title: LocalizedText(en: "Photo background is even, without shadows or patterns", zh: "照片背景均匀，无阴影或图案"),
        rationale: "Photo: a plain white background \"with no spots, flaws, or ink defects\" (Document Requirements). In the background bands (the top of the photo and the upper sides, without the person: whatever is more than ΔE 30 from the backdrop's colour in the top corners, and with the face checks on the head's outline from the face stage), the spread of lightness (standard deviation of L*, at most 7.2) catches patterns and objects, and the difference between band sections (at most 12) catches a shadow or gradient. Calibrated on real faces framed as the card standard asks, whose hair leaves a little of its edge in the bands: controls at most 6.6 and 7.6, stripes at least 7.8, shadows at least 21. Configured by photoChecks.maxBackgroundSpread and photoChecks.maxBackgroundGradient.",
        configurationKeys: ["photoChecks.maxBackgroundSpread", "photoChecks.maxBackgroundGradient"],
        fixHint: .retakePhoto
    )
    public init() {}

    public func check(_ s: EmployeeSubject, in context: RuleContext) -> [Finding] {
        guard let m = s.photo?.measurements else { return [] }
        let t = context.configuration.photoChecks
        guard m.backgroundSpread > t.maxBackgroundSpread || m.backgroundGradient > t.maxBackgroundGradient else { return [] }
        return [s.photoFinding(Self.description, context, value: "spread \(fmt(m.backgroundSpread)), gradient \(fmt(m.backgroundGradient))",
            expected: "spread ≤ \(fmt(t.maxBackgroundSpread)), gradient ≤ \(fmt(t.maxBackgroundGradient))",
            en: "the background is uneven (spread \(fmt(m.backgroundSpread)), gradient \(fmt(m.backgroundGradient)); at most \(fmt(t.maxBackgroundSpread)) and \(fmt(t.maxBackgroundGradient))): a shadow, a pattern or objects behind the person. Light the backdrop evenly.",
            zh: "背景不均匀（离散度 \(fmt(m.backgroundSpread))，梯度 \(fmt(m.backgroundGradient))）：有阴影、图案或杂物。请均匀照亮背景。")]
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(triggering: [Example.measured { $0.backgroundSpread = 8 }, Example.measured { $0.backgroundGradient = 21 }],
                     passing: [Example.measured { _ in }])
    }
}
