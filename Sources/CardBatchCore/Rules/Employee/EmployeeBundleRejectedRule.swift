/// Marks each employee of a bundle refused as a whole, so every employee's report points at the
/// bundle-level reason.
public struct EmployeeBundleRejectedRule: Rule {
    public static let description = RuleDescription(
        identifier: "employee.bundle-rejected", severity: .error, scope: .employee, category: .employee,
        title: LocalizedText(en: "The employee's bundle is not refused as a whole", zh: "员工所在压缩包未被整体拒绝"),
        rationale: "No employee can be accepted from a bundle refused as a whole (no valid authorization letter, an invalid employer or staff identity, an unsafe or damaged archive). Each employee's report names the bundle-level rules to fix first.",
        fixHint: .correctEmployeeRow
    )
    public init() {}

    /// Subject: the employee and the bundle-level errors.
    public func check(_ subject: (record: EmployeeRecord, bundleErrors: [Finding]), in context: RuleContext) -> [Finding] {
        let rules = Array(Set(subject.bundleErrors.filter { $0.severity == .error }.map(\.rule))).sorted()
        guard !rules.isEmpty else { return [] }
        let r = subject.record
        let list = rules.joined(separator: ", ")
        return [r.finding(
            Self.description, context, field: nil, value: list, expected: "a bundle that passes every bundle-level rule",
            en: "Row \(r.row) cannot be accepted: the whole bundle is refused (\(list)). Fix those problems first; see bundle-report.json.",
            zh: "第 \(r.row) 行无法受理：整个压缩包被拒绝（\(list)）。请先解决这些问题，详见 bundle-report.json。"
        )]
    }

    public static var examples: RuleExamples<(record: EmployeeRecord, bundleErrors: [Finding])> {
        let letter = LetterMissingRule().check(Example.bundle { $0.letter = nil }, in: .example)
        let warning = BundleUnreferencedFileRule().check(Example.bundle { $0.unreferencedEntries = ["x.jpg"] }, in: .example)
        return RuleExamples(triggering: [(Example.record, letter), (Example.record, letter + warning)],
                            passing: [(Example.record, []), (Example.record, warning)])
    }
}
