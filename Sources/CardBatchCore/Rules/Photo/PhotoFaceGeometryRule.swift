/// The face's size and position are those of the card standard.
public struct PhotoFaceGeometryRule: Rule {
    public static let description = RuleDescription(
        identifier: "photo.face-geometry", severity: .error, scope: .employee, category: .photo,
        title: LocalizedText(en: "Face size and position follow the card standard", zh: "人脸大小和位置符合制证标准"),
        rationale: "National technical requirements for social security card digital photos (中华人民共和国社会保障卡制证用数字相片技术要求), for a 358 × 441 photo: the person horizontally centred; face width (cheek to cheek where the ears join the face) 179–255 px; top of the head, hair included, 7–21 px below the top edge; midpoint of the eye line 162–196 px from the left edge; eye line at least 207 px above the bottom edge. The eyes come from dlib's 5-point landmarks and the horizontal centre is the face's axis (midway between the eye midpoint and the nose base), which must lie within 18 px of the photo's centre; the face width is the skin edge at cheek height where it agrees within 10% with 1.62 × the outer eye corners' distance, and that distance-based estimate otherwise (an ear, hair or a hand at cheek height would widen the edge); the top of the head is the first rows over the face that differ from the backdrop by 3 ΔE (more under grain), so grey or blond hair on white counts. Checked only on a photo of the configured size (photo.dimensions judges the size). Each figure is one configuration key.",
        configurationKeys: ["faceChecks.minFaceWidth", "faceChecks.maxFaceWidth", "faceChecks.minHeadTop", "faceChecks.maxHeadTop",
                            "faceChecks.minEyeMidX", "faceChecks.maxEyeMidX", "faceChecks.minEyeLineFromBottom", "faceChecks.maxCentreOffset"],
        fixHint: .runFixPhoto
    )
    public init() {}

    public func check(_ s: EmployeeSubject, in context: RuleContext) -> [Finding] {
        guard let g = s.photo?.face?.geometry, let jpeg = s.photo?.jpeg,
              jpeg.width == context.configuration.photo.width, jpeg.height == context.configuration.photo.height else { return [] }
        let t = context.configuration.faceChecks
        var findings: [Finding] = []
        func px(_ v: Double) -> String { "\(Int(v.rounded())) px" }
        func range(_ low: Double, _ high: Double) -> String { "\(Int(low))–\(Int(high)) px" }
        if g.faceWidth < t.minFaceWidth || g.faceWidth > t.maxFaceWidth {
            let small = g.faceWidth < t.minFaceWidth
            findings.append(s.photoFinding(Self.description, context, value: "face width \(px(g.faceWidth))", expected: range(t.minFaceWidth, t.maxFaceWidth),
                en: "the face is \(px(g.faceWidth)) wide; it must be \(range(t.minFaceWidth, t.maxFaceWidth)) (cheek to cheek). \(small ? "Crop closer" : "Crop wider") so the head fills the photo as the standard asks.",
                zh: "人脸宽度为 \(px(g.faceWidth))，须为 \(range(t.minFaceWidth, t.maxFaceWidth))。请\(small ? "裁剪得更近" : "裁剪得更宽")，使头部大小符合标准。"))
        }
        if g.headTop < t.minHeadTop || g.headTop > t.maxHeadTop {
            findings.append(s.photoFinding(Self.description, context, value: "head top \(px(g.headTop)) below the top edge", expected: range(t.minHeadTop, t.maxHeadTop),
                en: "the top of the head is \(px(g.headTop)) below the top edge; it must be \(range(t.minHeadTop, t.maxHeadTop)). \(g.headTop < t.minHeadTop ? "Leave a little space above the hair" : "Move the head up in the frame").",
                zh: "头顶距照片上边缘 \(px(g.headTop))，须为 \(range(t.minHeadTop, t.maxHeadTop))。\(g.headTop < t.minHeadTop ? "请在头发上方留出少许空白" : "请将头部在画面中上移")。"))
        }
        if g.eyeMidX < t.minEyeMidX || g.eyeMidX > t.maxEyeMidX {
            findings.append(s.photoFinding(Self.description, context, value: "eye midpoint \(px(g.eyeMidX)) from the left", expected: range(t.minEyeMidX, t.maxEyeMidX),
                en: "the midpoint of the eyes is \(px(g.eyeMidX)) from the left edge; it must be \(range(t.minEyeMidX, t.maxEyeMidX)). Centre the face.",
                zh: "双眼连线中点距左边缘 \(px(g.eyeMidX))，须为 \(range(t.minEyeMidX, t.maxEyeMidX))。请使面部居中。"))
        }
        if g.eyeLineFromBottom < t.minEyeLineFromBottom {
            findings.append(s.photoFinding(Self.description, context, value: "eye line \(px(g.eyeLineFromBottom)) above the bottom", expected: "≥ \(Int(t.minEyeLineFromBottom)) px",
                en: "the eyes are \(px(g.eyeLineFromBottom)) above the bottom edge; they must be at least \(Int(t.minEyeLineFromBottom)) px above it. Move the head up in the frame.",
                zh: "双眼距下边缘 \(px(g.eyeLineFromBottom))，至少须为 \(Int(t.minEyeLineFromBottom)) px。请将头部在画面中上移。"))
        }
        if abs(g.centreOffset) > t.maxCentreOffset {
            let side = g.centreOffset < 0 ? ("left", "左") : ("right", "右")
            findings.append(s.photoFinding(Self.description, context, value: "face \(px(abs(g.centreOffset))) \(side.0) of centre", expected: "≤ \(Int(t.maxCentreOffset)) px off centre",
                en: "the face is \(px(abs(g.centreOffset))) \(side.0) of the photo's centre; at most \(Int(t.maxCentreOffset)) px is allowed. Centre the face.",
                zh: "人脸偏离照片中线向\(side.1) \(px(abs(g.centreOffset)))，最多允许 \(Int(t.maxCentreOffset)) px。请使面部居中。"))
        }
        return findings
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(triggering: [Example.posed { $0.faceWidth = 120 }, Example.posed { $0.faceWidth = 290 }, Example.posed { $0.headTop = 2 },
                                  Example.posed { $0.headTop = 60 }, Example.posed { $0.eyeMidX = 120; $0.centreOffset = -59 },
                                  Example.posed { $0.eyeLineFromBottom = 180 }, Example.posed { $0.centreOffset = 25 }],
                     passing: [Example.employee, Example.faced { _ in }, Example.posed { $0.faceWidth = 179; $0.headTop = 21 },
                               Example.faced { $0.faceCount = 0; $0.geometry = nil }])
    }
}
