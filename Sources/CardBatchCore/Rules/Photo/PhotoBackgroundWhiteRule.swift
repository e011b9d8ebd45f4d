/// The background is white: bright and near-neutral.
public struct PhotoBackgroundWhiteRule: Rule {
    public static let description = RuleDescription(
        identifier: "photo.background-white", severity: .error, scope: .employee, category: .photo,
        title: LocalizedText(en: "Photo background is white", zh: "照片背景为白色"),
        rationale: "Photo: \"against a white background\" (Document Requirements). The background bands (the top of the photo and the upper sides, without the person the face stage found) must be bright (mean CIE L* of at least 85) and near-neutral (mean chroma of at most 8): a grey, blue or cream backdrop is refused. Configured by photoChecks.minBackgroundLightness and photoChecks.maxBackgroundChroma.",
        configurationKeys: ["photoChecks.minBackgroundLightness", "photoChecks.maxBackgroundChroma"],
        fixHint: .retakePhoto
    )
    public init() {}

    public func check(_ s: EmployeeSubject, in context: RuleContext) -> [Finding] {
        guard let m = s.photo?.measurements else { return [] }
        let t = context.configuration.photoChecks
        var findings: [Finding] = []
        if m.backgroundLightness < t.minBackgroundLightness {
            findings.append(s.photoFinding(Self.description, context, value: "lightness L* \(fmt(m.backgroundLightness))",
                expected: "L* ≥ \(fmt(t.minBackgroundLightness))",
                en: "the background is too dark (lightness L* \(fmt(m.backgroundLightness)), at least \(fmt(t.minBackgroundLightness)) needed). Take the photo against a white backdrop.",
                zh: "背景过暗（亮度 L* \(fmt(m.backgroundLightness))，至少须为 \(fmt(t.minBackgroundLightness))）。请在白色背景前拍摄。"))
        }
        if m.backgroundChroma > t.maxBackgroundChroma {
            findings.append(s.photoFinding(Self.description, context, value: "chroma \(fmt(m.backgroundChroma))",
                expected: "chroma ≤ \(fmt(t.maxBackgroundChroma))",
                en: "the background is coloured (chroma \(fmt(m.backgroundChroma)), at most \(fmt(t.maxBackgroundChroma)) allowed). Use a white backdrop, not blue, grey or cream.",
                zh: "背景有颜色（彩度 \(fmt(m.backgroundChroma))，最多 \(fmt(t.maxBackgroundChroma))）。请使用白色背景，不要用蓝色、灰色或米色。"))
        }
        return findings
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(triggering: [Example.measured { $0.backgroundLightness = 75 }, Example.measured { $0.backgroundChroma = 19 }],
                     passing: [Example.measured { _ in }, Example.employee])
    }
}
