import CardBatchCore
import Testing

/// Every registered rule's own examples: triggering subjects must produce a finding of that rule,
/// passing subjects must produce none. The examples are the rules' executable documentation.
struct RuleExamplesTests {
    func verify<R: Rule>(_ rule: R) -> [String] {
        var problems: [String] = []
        let id = R.description.identifier
        let examples = R.examples
        if examples.triggering.isEmpty { problems.append("\(id) has no triggering example") }
        if examples.passing.isEmpty { problems.append("\(id) has no passing example") }
        for (i, subject) in examples.triggering.enumerated() {
            let findings = rule.check(subject, in: .example)
            if !findings.contains(where: { $0.rule == id }) { problems.append("\(id): triggering example \(i) found nothing") }
            if findings.contains(where: { $0.rule != id }) { problems.append("\(id): example \(i) made another rule's finding") }
            if findings.contains(where: { $0.message.en.isEmpty || $0.message.zh.isEmpty }) { problems.append("\(id): a message is empty") }
            // The one-line form says what was found, not what the rule requires, and holds no personal data.
            for finding in findings {
                if finding.summary.isEmpty || finding.summary == R.description.title.en { problems.append("\(id): summary \"\(finding.summary)\" says nothing of its own") }
                for data in Self.personalData(of: subject) where finding.summary.contains(data) {
                    problems.append("\(id): summary \"\(finding.summary)\" shows \"\(data)\"")
                }
            }
        }
        for (i, subject) in examples.passing.enumerated() where !rule.check(subject, in: .example).isEmpty {
            problems.append("\(id): passing example \(i) triggered")
        }
        return problems
    }

    /// The personal values an example subject carries, of employees or the designated staff member.
    static func personalData(of subject: Any) -> [String] {
        // Photo file names too: photos are named after people.
        func record(_ r: EmployeeRecord) -> [String] { RosterField.allCases.filter(\.isPersonal).map { r[$0] } + [r[.photo]] }
        let values: [String]
        switch subject {
        case let s as EmployeeSubject: values = record(s.record)
        case let s as [EmployeeSubject]: values = s.flatMap { record($0.record) }
        case let s as EmployeeRecords: values = s.flatMap(record)
        case let s as (record: EmployeeRecord, earlier: LedgerBundle?): values = record(s.record)
        case let s as (record: EmployeeRecord, bundleErrors: [Finding]): values = record(s.record)
        case let s as BundleFacts: values = RosterField.allCases.filter(\.isPersonal).map { s.header[$0] }
        default: values = []
        }
        // The processing date is no one's secret, even when an example is born on it.
        return values.filter { $0.count >= 3 && $0 != RuleContext.example.processingDate.description }
    }

    @Test func everyRuleTriggersOnItsTriggeringExamplesAndNotOnItsPassingOnes() {
        var problems: [String] = []
        for rule in RuleRegistry.entryCountRules { problems += verify(rule) }
        for rule in RuleRegistry.archiveEntryRules { problems += verify(rule) }
        for rule in RuleRegistry.archiveRules { problems += verify(rule) }
        for rule in RuleRegistry.inflationRules { problems += verify(rule) }
        for rule in RuleRegistry.layoutRules { problems += verify(rule) }
        for rule in RuleRegistry.bundleRules { problems += verify(rule) }
        for rule in RuleRegistry.employeeRules { problems += verify(rule) }
        for rule in RuleRegistry.rosterRules { problems += verify(rule) }
        for rule in RuleRegistry.photoRosterRules { problems += verify(rule) }
        for rule in RuleRegistry.bundleRejectionRules { problems += verify(rule) }
        for rule in RuleRegistry.ledgerRules { problems += verify(rule) }
        #expect(problems == [])
    }

    @Test func withoutAPermitExtractThePermitMatchRuleDoesNotRun() {
        var context = RuleContext.example
        context.permits = nil
        #expect(EmployeeWorkPermitMatchRule().check(Example.employee(.workPermitNumber, "UNKNOWN12345"), in: context).isEmpty)
    }

    @Test func theValidExampleEmployeePassesEveryEmployeeRule() {
        let findings = RuleRegistry.run(RuleRegistry.employeeRules, on: Example.employee, in: .example)
        #expect(findings == [])
    }

    @Test func photoSizeWindowIsInclusiveAtBothEdgesAndFollowsConfiguration() {
        func errors(_ bytes: Int, _ configuration: Configuration = Configuration()) -> Int {
            var context = RuleContext.example
            context.configuration = configuration
            return PhotoFileSizeRule().check(Example.photo { $0.byteCount = bytes }, in: context).count
        }
        #expect(errors(40_959) == 1)
        #expect(errors(40_960) == 0)
        #expect(errors(100_000) == 0)
        #expect(errors(100_001) == 1)
        var wider = Configuration()
        wider.photo.maxBytes = 120_000
        #expect(errors(110_000, wider) == 0)
        #expect(errors(110_000) == 1)
    }

    @Test func duplicatePassportRejectsEveryRowInvolvedAndNamesThemAll() {
        var a = Example.record, b = Example.record, c = Example.record
        b.row = 5
        c.row = 9
        c[.passportNumber] = "OTHER1234"
        let findings = EmployeeDuplicatePassportRule().check([a, b, c], in: .example)
        #expect(findings.map(\.location.row) == [1, 5])
        #expect(findings.allSatisfy { $0.message.en.contains("rows 1, 5") })
        a[.nationality] = "BEL"
        #expect(EmployeeDuplicatePassportRule().check([a, b], in: .example).isEmpty)
    }

    @Test func passportExpiringOnTheProcessingDateIsStillValid() {
        let onTheDay = Example.employee(.passportExpiry, RuleContext.example.processingDate.description)
        #expect(EmployeePassportExpiredRule().check(onTheDay, in: .example).isEmpty)
    }
}
