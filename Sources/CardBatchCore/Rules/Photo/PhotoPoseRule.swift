/// The head is upright and looks into the camera.
public struct PhotoPoseRule: Rule {
    public static let description = RuleDescription(
        identifier: "photo.pose", severity: .error, scope: .employee, category: .photo,
        title: LocalizedText(en: "Head is upright and faces the camera", zh: "头部端正，正视镜头"),
        rationale: "Photo: \"front-facing\", eyes looking ahead (Document Requirements; national technical requirements for social security card digital photos). Roll is the eye line's tilt from dlib's 5-point landmarks; yaw is estimated as the nose base's offset from the eye midpoint along the eye line, over the distance between the eyes (about 0.3 at 20° of turn). Thresholds calibrated on the calibration set's real faces: the controls stay within 2.9° of roll and 0.11 of yaw, and a head tilted 25° is refused.",
        configurationKeys: ["faceChecks.maxRoll", "faceChecks.maxYaw"],
        fixHint: .retakePhoto
    )
    public init() {}

    public func check(_ s: EmployeeSubject, in context: RuleContext) -> [Finding] {
        guard let g = s.photo?.face?.geometry else { return [] }
        let t = context.configuration.faceChecks
        var findings: [Finding] = []
        if abs(g.roll) > t.maxRoll {
            findings.append(s.photoFinding(Self.description, context, value: "head tilted \(fmt(abs(g.roll)))°", expected: "≤ \(fmt(t.maxRoll))°",
                en: "the head is tilted by \(fmt(abs(g.roll)))° (the eye line is not level); at most \(fmt(t.maxRoll))° is allowed. Hold the head upright.",
                zh: "头部倾斜 \(fmt(abs(g.roll)))°（双眼连线不水平），最多允许 \(fmt(t.maxRoll))°。请保持头部端正。"))
        }
        if abs(g.yaw) > t.maxYaw {
            findings.append(s.photoFinding(Self.description, context, value: "head turned (yaw \(fmt(abs(g.yaw), 2)))", expected: "≤ \(fmt(t.maxYaw, 2))",
                en: "the head is turned to one side (yaw estimate \(fmt(abs(g.yaw), 2)), at most \(fmt(t.maxYaw, 2))). Face the camera straight on.",
                zh: "头部偏向一侧（偏转估计 \(fmt(abs(g.yaw), 2))，最多 \(fmt(t.maxYaw, 2))）。请正对镜头。"))
        }
        return findings
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(triggering: [Example.posed { $0.roll = 25 }, Example.posed { $0.roll = -12 }, Example.posed { $0.yaw = 0.3 }],
                     passing: [Example.employee, Example.faced { _ in }, Example.posed { $0.roll = -8; $0.yaw = 0.2 }])
    }
}
