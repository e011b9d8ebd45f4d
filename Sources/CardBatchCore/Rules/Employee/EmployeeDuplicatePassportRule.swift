/// The same passport (nationality plus number) appears on at most one row.
public struct EmployeeDuplicatePassportRule: Rule {
    public static let description = RuleDescription(
        identifier: "employee.duplicate-passport", severity: .error, scope: .employee, category: .employee,
        title: LocalizedText(en: "Each passport appears once in the roster", zh: "同一护照在名册中只能出现一次"),
        rationale: "Two rows with one passport would produce two cards for one person, or one card with another person's data. Which row is right cannot be decided here, so every row involved is rejected. Passport numbers are unique only per issuing state, so the key is nationality plus number.",
        fixHint: .correctEmployeeRow
    )
    public init() {}

    public func check(_ records: EmployeeRecords, in context: RuleContext) -> [Finding] {
        // Count first: with thousands of rows, grouping every row would copy the whole roster.
        var counts: [String: Int] = [:]
        for record in records where !record[.passportNumber].isEmpty { counts[record.identityKey, default: 0] += 1 }
        let repeated = records.filter { !$0[.passportNumber].isEmpty && counts[$0.identityKey, default: 0] > 1 }
        let groups = Dictionary(grouping: repeated, by: \.identityKey)
        return groups.values.flatMap { group -> [Finding] in
            let rows = group.map(\.row).sorted()
            let list = rows.map(String.init).joined(separator: ", ")
            return group.map { record in
                record.finding(
                    Self.description, context, field: .passportNumber, value: "\(record[.nationality]) \(record[.passportNumber])",
                    expected: "one row per passport",
                    en: "Row \(record.row): the passport \(record[.nationality]) \(record[.passportNumber]) appears on rows \(list). Keep the one right row and remove the others.",
                    zh: "第 \(record.row) 行：护照 \(record[.nationality]) \(record[.passportNumber]) 出现在第 \(list) 行。请只保留正确的一行。"
                )
            }
        }.sorted()
    }

    public static var examples: RuleExamples<EmployeeRecords> {
        var twin = Example.record
        twin.row = 2
        var otherState = twin
        otherState[.nationality] = "BEL"
        return RuleExamples(triggering: [[Example.record, twin]], passing: [[Example.record], [Example.record, otherState]])
    }
}
