/// The photo shows exactly one face, from the front.
public struct PhotoFaceRule: Rule {
    public static let description = RuleDescription(
        identifier: "photo.face", severity: .error, scope: .employee, category: .photo,
        title: LocalizedText(en: "Photo shows one face, from the front", zh: "照片有且仅有一张正面人脸"),
        rationale: "Photo: \"front-facing\", one person (Document Requirements; national technical requirements for social security card digital photos). dlib's HOG frontal-face detector (built into dlib; its filters for a face looking ahead, upright or turned in the picture plane) searches the luma of the half-size decode, and once more at twice that size when it finds nothing; a photo of the back of a head, a profile, an empty backdrop or two people is refused. The face checks need dlib's 5-point landmark model (faceChecks.modelPath, checked by its SHA-256); when it cannot be loaded every photo is refused with the reason, never passed unchecked. Turned off, with every face rule, by faceChecks.enabled.",
        configurationKeys: ["faceChecks.enabled", "faceChecks.modelPath", "faceChecks.pyramidLevels"],
        fixHint: .retakePhoto
    )
    public init() {}

    public func check(_ s: EmployeeSubject, in context: RuleContext) -> [Finding] {
        if let error = s.photo?.faceStageError {
            return [s.photoFinding(Self.description, context, value: "face checks could not run", expected: "the landmark model loaded",
                en: "the face checks could not run (\(error)). The outlet must install the model (`make deps`) or set faceChecks.modelPath.",
                zh: "无法进行人脸检查（\(error)）。请受理点安装模型（`make deps`）或设置 faceChecks.modelPath。")]
        }
        guard let face = s.photo?.face, face.faceCount != 1 else { return [] }
        if face.faceCount == 0 {
            return [s.photoFinding(Self.description, context, value: "no face found", expected: "one face, from the front",
                en: "no face was found in it. The photo must show the employee's face from the front, eyes open, nothing covering it.",
                zh: "照片中未检测到人脸。照片须为员工本人正面免冠像，双眼睁开，面部无遮挡。")]
        }
        return [s.photoFinding(Self.description, context, value: "\(face.faceCount) faces found", expected: "one face",
            en: "\(face.faceCount) faces were found in it. The photo must show the employee alone.",
            zh: "照片中检测到 \(face.faceCount) 张人脸。照片中只能有员工本人。")]
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(triggering: [Example.faced { $0.faceCount = 0; $0.geometry = nil }, Example.faced { $0.faceCount = 2; $0.geometry = nil },
                                  Example.photo { $0.faceStageError = "the face landmark model /x.dat cannot be read" }],
                     passing: [Example.employee, Example.faced { _ in }])
    }
}
