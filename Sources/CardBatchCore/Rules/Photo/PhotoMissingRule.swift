/// The photo the roster names is in the bundle.
public struct PhotoMissingRule: Rule {
    public static let description = RuleDescription(
        identifier: "photo.missing", severity: .error, scope: .employee, category: .photo,
        title: LocalizedText(en: "The employee's photo is in the bundle", zh: "员工照片须在压缩包中"),
        rationale: "Each employee needs a digital photo (Centralized Application by Employer, (II)); the roster's photo column names the file inside the ZIP.",
        fixHint: .addOwnPhoto,
        valueNamesAFile: true
    )
    public init() {}

    public func check(_ subject: EmployeeSubject, in context: RuleContext) -> [Finding] {
        let record = subject.record
        guard subject.photo == nil, !record[.photo].isEmpty else { return [] }
        return [record.finding(
            Self.description, context, field: .photo, value: record[.photo], expected: "a file of that name in the ZIP",
            en: "Row \(record.row): photo \"\(record[.photo])\" is not in the bundle. Add the file, or correct the name in the roster (names must match exactly, folders included).",
            zh: "第 \(record.row) 行：压缩包中没有照片 \"\(record[.photo])\"。请添加该文件或更正名册中的文件名（须含文件夹且完全一致）。"
        )]
    }

    public static var examples: RuleExamples<EmployeeSubject> {
        RuleExamples(triggering: [Example.employee { $0.photo = nil }], passing: [Example.employee])
    }
}
