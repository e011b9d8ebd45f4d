import CardBatchCore
import CardBatchIntake
import CardBatchSamples
import CardBatchTestSupport
import Foundation
import Testing

/// The rules detected where bytes are read have no subject to run examples on, so each carries the
/// message it gives as its example (`explain` prints it). Here each one is produced for real, from
/// real bytes through the real intake, so an example can never drift from what the tool says.
struct DetectedRuleExampleTests {
    let context = RuleContext(processingDate: Fixtures.date, bundle: "bundle.zip", rosterEntry: "roster.csv")
    let csvLines = RosterWriter.csv(employer: Fixtures.employer, employees: Fixtures.employees(3)).components(separatedBy: "\r\n")
    let xml = RosterWriter.xml(employer: Fixtures.employer, employees: Fixtures.employees(2))

    func messages(_ result: RosterParseResult) -> [LocalizedText] { result.findings.map(\.message) }

    func csv(_ lines: [String]) -> [UInt8] { Array(lines.joined(separator: "\r\n").utf8) }

    func rejected(_ bytes: [UInt8], configuration: Configuration = Configuration(), asRoster: Bool = false) throws -> [LocalizedText] {
        let dir = TemporaryDirectory()
        if asRoster {
            var b = Fixtures.cleanBundle(Fixtures.employees(2))
            b.replace("roster.csv", with: bytes)
            try b.write(to: dir.file("bundle.zip"))
        } else {
            try Data(bytes).write(to: URL(fileURLWithPath: dir.file("bundle.zip")))
        }
        guard case .rejected(let findings, _, _) = BundleIntake.open(path: dir.file("bundle.zip"), name: "bundle.zip", processingDate: Fixtures.date,
                                                                       configuration: configuration) else { return [] }
        return findings.map(\.message)
    }

    @Test func theUnreadableBundleExampleIsWhatANonZipFileGets() throws {
        #expect(try rejected(Array("not a zip".utf8)) == [BundleUnreadableRule.example])
    }

    @Test func theEncodingExampleIsWhatAUTF16RosterGets() {
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in csvLines.joined(separator: "\r\n").utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(messages(CSVRosterParser.parse(bytes: utf16, entry: "roster.csv", context: context)) == [RosterEncodingRule.example])
    }

    @Test func theSyntaxExampleIsWhatAnUnclosedQuoteGets() {
        var lines = csvLines
        lines[2] = "\"" + lines[2]
        #expect(messages(CSVRosterParser.parse(bytes: csv(lines), entry: "roster.csv", context: context)) == [RosterSyntaxRule.example])
    }

    @Test func theEmployerExampleIsWhatARowNamingAnotherEmployerGets() {
        var lines = csvLines
        lines[3] = "\"Beijing Other Trading Co., Ltd.\"" + lines[3]
        #expect(messages(CSVRosterParser.parse(bytes: csv(lines), entry: "roster.csv", context: context)) == [RosterEmployerConsistencyRule.example])
    }

    @Test func theSchemaExampleIsWhatAnUnexpectedElementGets() {
        var context = context
        context.rosterEntry = "roster.xml"
        let wrong = xml.replacingOccurrences(of: "<sex>", with: "<gender>").replacingOccurrences(of: "</sex>", with: "</gender>")
        let found = messages(XMLRosterParser.parse(bytes: Array(wrong.utf8), entry: "roster.xml", context: context))
        #expect(found.first == RosterSchemaRule.example, "\(found)")
    }

    @Test func theDTDExampleIsWhatADoctypeGets() {
        var context = context
        context.rosterEntry = "roster.xml"
        let withDTD = xml.replacingOccurrences(of: "?>\n", with: "?>\n<!DOCTYPE roster [<!ENTITY x \"y\">]>\n")
        #expect(messages(XMLRosterParser.parse(bytes: Array(withDTD.utf8), entry: "roster.xml", context: context)) == [RosterDTDRule.example])
    }

    @Test func theTooLargeExampleIsWhatARosterOverTheCapGets() throws {
        var configuration = Configuration()
        configuration.archive.maxRosterBytes = 1_000
        var lines = csvLines
        lines[1] += String(repeating: " ", count: 1_500 - csv(lines).count)
        #expect(try rejected(csv(lines), configuration: configuration, asRoster: true) == [RosterTooLargeRule.example])
    }
}
