/// The photo was taken within the last 6 months, as its EXIF date says.
public struct PhotoRecencyRule: Rule {
    public static let description = RuleDescription(
        identifier: "photo.recency", severity: .error, scope: .employee, category: .photo,
        title: LocalizedText(en: "Photo was taken recently enough", zh: "照片为近期拍摄"),
        rationale: "Photo: \"a recent (within 6 months)\" photo (Document Requirements). The EXIF date taken (DateTimeOriginal) must be within photoChecks.maxAgeMonths before the processing date and not after it. A photo without that date cannot be verified: that is a warning, for the outlet to judge, not a pass.",
        configurationKeys: ["photoChecks.maxAgeMonths"],
        fixHint: .retakePhoto
    )
    public init() {}

    public func check(_ s: EmployeeSubject, in context: RuleContext) -> [Finding] {
        guard let photo = s.photo, photo.signature == .jpeg, photo.decodeError == nil else { return [] }
        let months = context.configuration.photoChecks.maxAgeMonths
        guard let raw = photo.exifDateTaken else {
            return [s.photoFinding(Self.description, context, value: "no EXIF date", expected: "a date taken within \(months) months",
                en: "it carries no date taken (EXIF), so its recency cannot be verified; the outlet will judge it.",
                zh: "照片不含拍摄日期（EXIF），无法核实是否为近期照片，由受理点人工判断。").withSeverity(.warning)]
        }
        let day = String(raw.prefix(10)).map { $0 == ":" ? "-" : $0 }
        guard let taken = CalendarDate(iso: String(day)) else {
            return [s.photoFinding(Self.description, context, value: raw, expected: "a valid EXIF date",
                en: "its EXIF date taken \"\(raw)\" is not a date, so its recency cannot be verified.",
                zh: "照片的拍摄日期 \"\(raw)\" 无效，无法核实是否为近期照片。").withSeverity(.warning)]
        }
        let oldest = context.processingDate.adding(months: -months)
        if taken > context.processingDate {
            return [s.photoFinding(Self.description, context, value: "taken \(taken)", expected: "on or before \(context.processingDate)",
                en: "its date taken \(taken) is after the processing date \(context.processingDate): the camera clock is wrong or the date was edited. Take a new photo.",
                zh: "拍摄日期 \(taken) 晚于受理日 \(context.processingDate)，相机时间有误或日期被修改。请重新拍照。")]
        }
        guard taken < oldest else { return [] }
        return [s.photoFinding(Self.description, context, value: "taken \(taken)", expected: "on or after \(oldest)",
            en: "it was taken on \(taken), more than \(months) months before \(context.processingDate). A photo taken within the last \(months) months is required.",
            zh: "照片拍摄于 \(taken)，距受理日 \(context.processingDate) 已超过 \(months) 个月。须提交近 \(months) 个月内拍摄的照片。")]
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(
            triggering: [Example.photo { $0.exifDateTaken = "2026:05:24 09:00:00" }, Example.photo { $0.exifDateTaken = "2026:11:26 09:00:00" },
                         Example.photo { $0.exifDateTaken = nil }],
            passing: [Example.photo { $0.exifDateTaken = "2026:05:25 09:00:00" }, Example.photo { $0.exifDateTaken = "2026:11:25 18:00:00" }]
        )
    }
}
