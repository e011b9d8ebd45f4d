#if canImport(Glibc)
import Glibc
#endif

/// Shared by the pixel rules: a finding with the measured value against the threshold.
extension EmployeeSubject {
    func photoFinding(_ rule: RuleDescription, _ context: RuleContext, value: String, expected: String, en: String, zh: String) -> Finding {
        record.finding(rule, context, field: .photo, value: value, expected: expected,
                       en: "Row \(record.row): photo \"\(photo?.entry ?? "")\" — \(en)", zh: "第 \(record.row) 行：照片 \"\(photo?.entry ?? "")\"：\(zh)")
    }
}

func fmt(_ v: Double, _ digits: Int = 1) -> String {
    let p = digits == 1 ? 10.0 : 100.0
    let r = (v * p).rounded() / p
    return digits == 1 ? String(format1: r) : String(format2: r)
}

extension String {
    init(format1 v: Double) { let t = Int((abs(v) * 10).rounded()); self = (v < 0 ? "-" : "") + "\(t / 10).\(t % 10)" }
    init(format2 v: Double) { let t = Int((abs(v) * 100).rounded()); self = (v < 0 ? "-" : "") + "\(t / 100)." + (t % 100 < 10 ? "0" : "") + "\(t % 100)" }
}

func percent(_ v: Double) -> String { "\(Int((v * 100).rounded()))%" }

/// The background is white: bright and near-neutral.
public struct PhotoBackgroundWhiteRule: Rule {
    public static let description = RuleDescription(
        identifier: "photo.background-white", severity: .error, scope: .employee,
        title: LocalizedText(en: "Photo background is white", zh: "照片背景为白色"),
        rationale: "Photo: \"against a white background\" (Document Requirements). The background bands (the top of the photo and the upper sides, away from the head) must be bright (mean CIE L* of at least 85) and near-neutral (mean chroma of at most 8): a grey, blue or cream backdrop is refused. Configured by photoChecks.minBackgroundLightness and photoChecks.maxBackgroundChroma."
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

/// The background is uniform: no shadow, gradient, pattern or objects.
public struct PhotoBackgroundUniformRule: Rule {
    public static let description = RuleDescription(
        identifier: "photo.background-uniform", severity: .error, scope: .employee,
        title: LocalizedText(en: "Photo background is even, without shadows or patterns", zh: "照片背景均匀，无阴影或图案"),
        rationale: "Photo: a plain white background \"with no spots, flaws, or ink defects\" (Document Requirements). In the background bands, the spread of lightness (standard deviation of L*, at most 4) catches patterns and objects, and the difference between band sections (at most 6) catches a shadow or gradient. Configured by photoChecks.maxBackgroundSpread and photoChecks.maxBackgroundGradient."
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

/// No border or frame around the photo.
public struct PhotoBorderRule: Rule {
    public static let description = RuleDescription(
        identifier: "photo.border", severity: .error, scope: .employee,
        title: LocalizedText(en: "Photo has no border or frame", zh: "照片无边框"),
        rationale: "Photo: \"without borders\" (Document Requirements). The outermost lines along the top and sides are compared with the background just inside them; a frame line differs by more than 8 in L*. Configured by photoChecks.maxBorderContrast."
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

/// The face is neither crushed to black nor burnt out to white.
public struct PhotoExposureRule: Rule {
    public static let description = RuleDescription(
        identifier: "photo.exposure", severity: .error, scope: .employee,
        title: LocalizedText(en: "Photo is correctly exposed", zh: "照片曝光正常"),
        rationale: "Photo: \"clear facial features\" (Document Requirements). In the face region, more than 10% of pixels clipped to black or more than 4% clipped to white means features are lost. Configured by photoChecks.maxClippedDark and photoChecks.maxClippedBright."
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

/// The face is in focus.
public struct PhotoSharpnessRule: Rule {
    public static let description = RuleDescription(
        identifier: "photo.sharpness", severity: .error, scope: .employee,
        title: LocalizedText(en: "Photo is sharp", zh: "照片清晰"),
        rationale: "Photo: \"clear facial features\" (Document Requirements). Edge strength is measured in the face region at a quarter of the photo's size, where sensor noise and JPEG grain average away: the 90th percentile of the luma gradient must reach 36. Configured by photoChecks.minSharpness. Calibrated to catch clearly visible blur (a box blur of radius 6 px at full size); milder blur is not reliably told from a soft but acceptable photo and is left to the outlet's visual check."
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
