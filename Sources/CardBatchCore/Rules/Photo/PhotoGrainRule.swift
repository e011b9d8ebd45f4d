/// The photo is not grainy.
public struct PhotoGrainRule: Rule {
    public static let description = RuleDescription(
        identifier: "photo.grain", severity: .warning, scope: .employee, category: .photo,
        title: LocalizedText(en: "Photo is not grainy", zh: "照片无明显噪点"),
        rationale: "Photo: \"clear facial features\" (Document Requirements). Sensor grain (a photo taken in poor light, or pushed in editing) is estimated with Immerkær's (1996) fast noise estimator over the flat, unclipped parts of the photo, as the noise's standard deviation in levels. A warning: grain alone does not hide the face, and photo.sharpness judges focus through it. Calibrated on real faces: controls at most 6.5, grain of σ 20 measures at least 16.9.",
        configurationKeys: ["faceChecks.maxGrain"],
        fixHint: .retakePhoto
    )
    public init() {}

    public func check(_ s: EmployeeSubject, in context: RuleContext) -> [Finding] {
        guard let face = s.photo?.face else { return [] }
        let t = context.configuration.faceChecks
        guard face.grain > t.maxGrain else { return [] }
        return [s.photoFinding(Self.description, context, value: "grain σ \(fmt(face.grain))", expected: "≤ \(fmt(t.maxGrain))",
            en: "it is grainy (noise σ \(fmt(face.grain)) levels, at most \(fmt(t.maxGrain)) expected). A photo taken in better light prints cleaner.",
            zh: "照片噪点较多（噪声 σ \(fmt(face.grain))，宜不超过 \(fmt(t.maxGrain))）。光线充足时拍摄的照片印制效果更好。")]
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(triggering: [Example.faced { $0.grain = 19.5 }], passing: [Example.employee, Example.faced { _ in }, Example.faced { $0.grain = 12 }])
    }
}
