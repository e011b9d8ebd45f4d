/// The face is neither crushed to black nor burnt out to white.
public struct PhotoExposureRule: Rule {
    public static let description = RuleDescription(
        identifier: "photo.exposure", severity: .error, scope: .employee, category: .photo,
        title: LocalizedText(en: "Photo is correctly exposed", zh: "照片曝光正常"),
        rationale: "Photo: \"clear facial features\" (Document Requirements). In the face region, more than 10% of pixels clipped to black or more than 4% clipped to white means features are lost. Configured by photoChecks.maxClippedDark and photoChecks.maxClippedBright.",
        configurationKeys: ["photoChecks.maxClippedDark", "photoChecks.maxClippedBright"],
        fixHint: .retakePhoto
    )
    public init() {}

    public func check(_ s: EmployeeSubject, in context: RuleContext) -> [Finding] {
        guard let m = s.photo?.measurements else { return [] }
        let t = context.configuration.photoChecks
        var findings: [Finding] = []
        if m.clippedDark > t.maxClippedDark {
            findings.append(s.photoFinding(Self.description, context, value: "\(percent(m.clippedDark)) of the face black", expected: "at most \(percent(t.maxClippedDark))",
                en: "it is underexposed: \(percent(m.clippedDark)) of the face is pure black (at most \(percent(t.maxClippedDark))). Take it again with more light.",
                zh: "曝光不足：面部 \(percent(m.clippedDark)) 为纯黑（最多 \(percent(t.maxClippedDark))）。请在更充足的光线下重拍。"))
        }
        if m.clippedBright > t.maxClippedBright {
            findings.append(s.photoFinding(Self.description, context, value: "\(percent(m.clippedBright)) of the face white", expected: "at most \(percent(t.maxClippedBright))",
                en: "it is overexposed: \(percent(m.clippedBright)) of the face is pure white (at most \(percent(t.maxClippedBright))). Take it again with less light or no flash.",
                zh: "曝光过度：面部 \(percent(m.clippedBright)) 为纯白（最多 \(percent(t.maxClippedBright))）。请减少光线或关闭闪光灯重拍。"))
        }
        return findings
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(triggering: [Example.measured { $0.clippedDark = 0.3 }, Example.measured { $0.clippedBright = 0.2 }], passing: [Example.measured { _ in }])
    }
}
