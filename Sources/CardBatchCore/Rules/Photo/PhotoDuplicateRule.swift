/// No two employees of a bundle submit the same photo file.
public struct PhotoDuplicateRule: Rule {
    public static let description = RuleDescription(
        identifier: "photo.duplicate", severity: .error, scope: .employee, category: .photo,
        title: LocalizedText(en: "No two employees share the same photo", zh: "不同员工不得使用同一张照片"),
        rationale: "Byte-identical photos (same SHA-256) for two employees mean at least one card would show the wrong face. Which one is right cannot be decided here, so every row involved is rejected.",
        fixHint: .addOwnPhoto,
        valueNamesAFile: true
    )
    public init() {}

    public func check(_ subjects: [EmployeeSubject], in context: RuleContext) -> [Finding] {
        var counts: [String: Int] = [:]
        for subject in subjects { if let sha = subject.photo?.sha256, !sha.isEmpty { counts[sha, default: 0] += 1 } }
        let repeated = subjects.filter { counts[$0.photo?.sha256 ?? "", default: 0] > 1 }
        let groups = Dictionary(grouping: repeated) { $0.photo!.sha256 }
        return groups.values.flatMap { group -> [Finding] in
            let rows = group.map(\.record.row).sorted().map(String.init).joined(separator: ", ")
            return group.map { s in
                s.record.finding(
                    Self.description, context, field: .photo, value: "\(s.photo!.entry) (SHA-256 \(s.photo!.sha256.prefix(12))…)",
                    expected: "a photo of this employee only",
                    en: "Row \(s.record.row): the photo \"\(s.photo!.entry)\" is byte for byte the same as the photo of row(s) \(rows). Each employee needs their own photo.",
                    zh: "第 \(s.record.row) 行：照片 \"\(s.photo!.entry)\" 与第 \(rows) 行的照片完全相同。每名员工须提交本人照片。"
                )
            }
        }.sorted()
    }

    public static var examples: RuleExamples<[EmployeeSubject]> {
        var other = Example.employee
        other.record.row = 2
        other.record[.passportNumber] = "OTHER1234"
        var differentPhoto = other
        differentPhoto.photo?.sha256 = "b"
        var same = Example.employee
        same.photo?.sha256 = "a"
        other.photo?.sha256 = "a"
        return RuleExamples(triggering: [[same, other]], passing: [[same], [same, differentPhoto], [Example.employee, { var e = other; e.photo = nil; return e }()]])
    }
}
