/// The face is in focus.
public struct PhotoSharpnessRule: Rule {
    public static let description = RuleDescription(
        identifier: "photo.sharpness", severity: .error, scope: .employee, category: .photo,
        title: LocalizedText(en: "Photo is sharp", zh: "照片清晰"),
        rationale: "Photo: \"clear facial features\" (Document Requirements). Edge strength is measured in the face region at a quarter of the photo's size, where sensor noise and JPEG grain average away: the 90th percentile of the luma gradient must reach 36. Configured by photoChecks.minSharpness. Calibrated to catch clearly visible blur (a box blur of radius 6 px at full size); milder blur is not reliably told from a soft but acceptable photo and is left to the outlet's visual check.",
        configurationKeys: ["photoChecks.minSharpness"],
        fixHint: .retakePhoto
    )
    public init() {}

    public func check(_ s: EmployeeSubject, in context: RuleContext) -> [Finding] {
        guard let m = s.photo?.measurements else { return [] }
        let t = context.configuration.photoChecks
        guard m.sharpness < t.minSharpness else { return [] }
        return [s.photoFinding(Self.description, context, value: "edge strength \(fmt(m.sharpness))", expected: "≥ \(fmt(t.minSharpness))",
            en: "it is blurred (edge strength \(fmt(m.sharpness)), at least \(fmt(t.minSharpness)) needed). Take it again in focus and without movement.",
            zh: "照片模糊（边缘强度 \(fmt(m.sharpness))，至少须为 \(fmt(t.minSharpness))）。请对焦并保持稳定后重拍。")]
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(triggering: [Example.measured { $0.sharpness = 30 }], passing: [Example.measured { _ in }, Example.measured { $0.sharpness = 36 }])
    }
}
