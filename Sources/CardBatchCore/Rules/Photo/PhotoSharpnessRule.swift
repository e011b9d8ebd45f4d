/// The face is in focus.
public struct PhotoSharpnessRule: Rule {
    public static let description = RuleDescription(
        identifier: "photo.sharpness", severity: .error, scope: .employee, category: .photo,
        title: LocalizedText(en: "Photo is sharp", zh: "照片清晰"),
        rationale: "Photo: \"clear facial features\" (Document Requirements). With the face checks on, blur is measured on the face the detector found, robustly to grain: the Tenengrad (mean squared Sobel gradient) after a Gaussian of σ 1.4 over the same after σ 0.7, at half the photo's size (Pertuz, Puig & García 2013), each less the energy that the grain adds (the grain's σ from Immerkær's estimator, its energy through the two filters computed exactly). Additional smoothing barely changes a blurred face, so the ratio nears 1. Calibrated on real faces to catch a Gaussian blur of σ 2.5 px or more, with or without grain of σ 20, and to pass sharp photos with grain (faceChecks.maxBlurRatio; controls at most 0.65, blurred photos at least 0.71). With the face checks off, the 90th percentile of the luma gradient in the central region at a quarter of the photo's size must reach photoChecks.minSharpness, which catches only clearly visible blur.",
        configurationKeys: ["faceChecks.maxBlurRatio", "photoChecks.minSharpness"],
        fixHint: .retakePhoto
    )
    public init() {}

    public func check(_ s: EmployeeSubject, in context: RuleContext) -> [Finding] {
        if let face = s.photo?.face {
            let limit = context.configuration.faceChecks.maxBlurRatio
            guard face.blurRatio > limit else { return [] }
            return [s.photoFinding(Self.description, context, value: "blur ratio \(fmt(face.blurRatio, 2))", expected: "≤ \(fmt(limit, 2))",
                en: "the face is blurred (blur ratio \(fmt(face.blurRatio, 2)), at most \(fmt(limit, 2)) for a sharp face). Take it again in focus and without movement.",
                zh: "面部模糊（模糊比 \(fmt(face.blurRatio, 2))，清晰照片不超过 \(fmt(limit, 2))）。请对焦并保持稳定后重拍。")]
        }
        guard let m = s.photo?.measurements else { return [] }
        let t = context.configuration.photoChecks
        guard m.sharpness < t.minSharpness else { return [] }
        return [s.photoFinding(Self.description, context, value: "edge strength \(fmt(m.sharpness))", expected: "≥ \(fmt(t.minSharpness))",
            en: "it is blurred (edge strength \(fmt(m.sharpness)), at least \(fmt(t.minSharpness)) needed). Take it again in focus and without movement.",
            zh: "照片模糊（边缘强度 \(fmt(m.sharpness))，至少须为 \(fmt(t.minSharpness))）。请对焦并保持稳定后重拍。")]
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(triggering: [Example.measured { $0.sharpness = 30 }, Example.faced { $0.blurRatio = 0.81 }],
                     passing: [Example.measured { _ in }, Example.measured { $0.sharpness = 36 }, Example.faced { _ in },
                               Example.photo { $0.measurements = Example.measurements; $0.measurements?.sharpness = 20; $0.face = Example.face }])
    }
}
