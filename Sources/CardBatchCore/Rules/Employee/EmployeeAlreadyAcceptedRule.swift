/// An employee accepted from an earlier bundle is not accepted again.
public struct EmployeeAlreadyAcceptedRule: Rule {
    public static let description = RuleDescription(
        identifier: "employee.already-accepted", severity: .error, scope: .employee, category: .employee,
        title: LocalizedText(en: "The employee was not already accepted from another bundle", zh: "员工未在其他批次中已受理"),
        rationale: "A second acceptance would print a duplicate card. The ledger of processed bundles remembers every accepted employee (nationality and passport number); a later bundle listing the same passport is refused for that employee and told which bundle accepted them.",
        fixHint: .correctEmployeeRow
    )
    public init() {}

    /// Subject: the employee and the bundle that already holds their passport, if any.
    public func check(_ subject: (record: EmployeeRecord, earlier: LedgerBundle?), in context: RuleContext) -> [Finding] {
        guard let earlier = subject.earlier else { return [] }
        let r = subject.record
        return [r.finding(
            Self.description, context, field: .passportNumber, value: "\(r[.nationality]) \(r[.passportNumber])",
            expected: "a passport not yet accepted",
            en: "Row \(r.row): this passport was already accepted from bundle \(earlier.name) (processed \(earlier.processingDate)). A card is on its way; do not apply again.",
            zh: "第 \(r.row) 行：该护照已在批次 \(earlier.name)（受理日期 \(earlier.processingDate)）中受理，卡片正在制作，请勿重复申请。"
        )]
    }

    public static var examples: RuleExamples<(record: EmployeeRecord, earlier: LedgerBundle?)> {
        let earlier = LedgerBundle(sha256: "ab", name: "lumen-2026-10.zip", output: "out/lumen-2026-10", processedAt: "2026-10-02T20:00:00Z",
                                   processingDate: "2026-10-02", outcome: "accepted")
        return RuleExamples(triggering: [(Example.record, earlier)], passing: [(Example.record, nil)])
    }
}
