/// An embedded colour profile, if any, is sRGB.
public struct PhotoColorProfileRule: Rule {
    public static let description = RuleDescription(
        identifier: "photo.color-profile", severity: .warning, scope: .employee, category: .photo,
        title: LocalizedText(en: "An embedded colour profile, if any, is sRGB", zh: "嵌入的色彩配置文件（如有）为 sRGB"),
        rationale: "Color: 24-bit true colour (Document Requirements), printed as sRGB. A photo tagged with another profile (Adobe RGB, Display P3, a printer profile) shows different colours when the profile is ignored. This is a warning: colours are usually close, but the outlet should know. A photo without a profile is taken as sRGB.",
        fixHint: .runFixPhoto
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
