/// The photo was not saved with heavy JPEG compression.
public struct PhotoCompressionRule: Rule {
    public static let description = RuleDescription(
        identifier: "photo.compression", severity: .error, scope: .employee,
        title: LocalizedText(en: "Photo is not heavily compressed", zh: "照片未经过度压缩"),
        rationale: "Photo: \"with clear facial features and no spots, flaws\" (Document Requirements). Heavy JPEG compression turns a face into visible 8 × 8 blocks. The quality the photo was saved at is estimated from its quantisation table (read with libjpeg) against the IJG standard table; below 50 is refused. Configured by photoChecks.minJPEGQuality."
    )
    public init() {}

    public func check(_ s: EmployeeSubject, in context: RuleContext) -> [Finding] {
        guard let quality = s.photo?.jpegQuality else { return [] }
        let minimum = context.configuration.photoChecks.minJPEGQuality
        guard quality < minimum else { return [] }
        return [s.photoFinding(Self.description, context, value: "estimated JPEG quality \(quality)", expected: "at least \(minimum)",
            en: "it is heavily compressed (estimated JPEG quality \(quality), at least \(minimum) needed), so the face shows blocks. Save it again from the original at a higher quality.",
            zh: "照片压缩过度（估计 JPG 质量 \(quality)，至少须为 \(minimum)），面部出现方块。请用原图以更高质量重新保存。")]
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(triggering: [Example.photo { $0.jpegQuality = 20 }, Example.photo { $0.jpegQuality = 49 }],
                     passing: [Example.employee, Example.photo { $0.jpegQuality = 50 }, Example.photo { $0.jpegQuality = 92 }])
    }
}

/// An embedded colour profile, if any, is sRGB.
public struct PhotoColorProfileRule: Rule {
    public static let description = RuleDescription(
        identifier: "photo.color-profile", severity: .warning, scope: .employee,
        title: LocalizedText(en: "An embedded colour profile, if any, is sRGB", zh: "嵌入的色彩配置文件（如有）为 sRGB"),
        rationale: "Color: 24-bit true colour (Document Requirements), printed as sRGB. A photo tagged with another profile (Adobe RGB, Display P3, a printer profile) shows different colours when the profile is ignored. This is a warning: colours are usually close, but the outlet should know. A photo without a profile is taken as sRGB."
    )
    public init() {}

    public func check(_ s: EmployeeSubject, in context: RuleContext) -> [Finding] {
        guard let profile = s.photo?.iccDescription, !profile.lowercased().contains("srgb") else { return [] }
        let name = profile.isEmpty ? "an unnamed profile" : "\"\(profile)\""
        return [s.photoFinding(Self.description, context, value: name, expected: "sRGB or no profile",
            en: "it carries the colour profile \(name), not sRGB; colours may print differently. Export it converted to sRGB.",
            zh: "照片嵌入的色彩配置文件为 \(name)，不是 sRGB，印制颜色可能有偏差。请转换为 sRGB 后导出。")]
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(triggering: [Example.photo { $0.iccDescription = "Adobe RGB (1998)" }, Example.photo { $0.iccDescription = "" }],
                     passing: [Example.employee, Example.photo { $0.iccDescription = "sRGB IEC61966-2.1" }])
    }
}
