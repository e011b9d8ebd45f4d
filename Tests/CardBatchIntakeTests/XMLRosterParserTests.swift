import CardBatchCore
import CardBatchIntake
import CardBatchNative
import CardBatchSamples
import Foundation
import Testing

struct XMLRosterParserTests {
    let context = RuleContext(processingDate: CalendarDate(year: 2026, month: 11, day: 25)!, bundle: "b.zip", rosterEntry: "roster.xml")

    func parse(_ text: String) -> RosterParseResult {
        XMLRosterParser.parse(bytes: Array(text.utf8), entry: "roster.xml", context: context)
    }

    @Test func readsAValidRosterWithLinesAndPaths() throws {
        let rows = SampleData.employees(count: 3, seed: 6)
        let roster = try #require(parse(RosterWriter.xml(employer: SampleData.employer, employees: rows)).roster)
        #expect(roster.header[.letterFile] == "authorization.pdf")
        #expect(roster.header[.letterDate] == "2026-11-02")
        #expect(roster.employees.map { $0[.passportNumber] } == rows.map { $0[.passportNumber]! })
        #expect(roster.employees[2].path == "/roster/employees/employee[3]")
        #expect(roster.employees[0].line == 15)
    }

    @Test func theEmbeddedSchemaIsTheOnePublishedInSamples() throws {
        let published = try String(contentsOfFile: CardBatchTestPaths.root + "/samples/schemas/roster.xsd", encoding: .utf8)
        #expect(published == RosterSchema.xsd)
    }

    @Test func anExternalEntityIsRefusedBeforeParsing() {
        let xml = RosterWriter.xml(employer: SampleData.employer, employees: SampleData.employees(count: 1, seed: 7),
                                   prologue: "<!DOCTYPE roster [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n")
        let result = parse(xml.replacing("<phone>", with: "<phone>&x;"))
        #expect(result.roster == nil)
        #expect(result.findings.map(\.rule) == ["roster.dtd"])
        #expect(result.findings[0].location.line == 2)
    }

    @Test func billionLaughsIsRefusedWithoutExpandingAnything() {
        var dtd = "<!DOCTYPE roster [<!ENTITY l0 \"ha\">"
        for i in 1...12 { dtd += "<!ENTITY l\(i) \"" + String(repeating: "&l\(i - 1);", count: 10) + "\">" }
        dtd += "]>\n"
        let xml = RosterWriter.xml(employer: SampleData.employer, employees: [], prologue: dtd).replacing("<phone>", with: "<phone>&l12;")
        #expect(parse(xml).findings.map(\.rule) == ["roster.dtd"])
    }

    @Test func malformedXMLNamesTheLine() {
        let result = parse("<?xml version=\"1.0\"?>\n<roster xmlns=\"urn:cardbatch:roster:1\">\n<employer>\n</roster>\n")
        #expect(result.findings.map(\.rule) == ["roster.syntax"])
        #expect(result.findings[0].location.line == 4)
    }

    @Test func aMissingElementIsASchemaErrorWithItsLine() {
        var rows = SampleData.employees(count: 2, seed: 8)
        rows[1][.passportNumber] = nil
        let result = parse(RosterWriter.xml(employer: SampleData.employer, employees: rows))
        #expect(result.findings.map(\.rule) == ["roster.schema"])
        #expect(result.findings[0].message.en.contains("passportNumber"))
        #expect(result.findings[0].location.line != nil)
    }

    @Test func utf16IsRefusedAsAnEncodingProblem() {
        let bytes: [UInt8] = [0xFF, 0xFE] + "<roster/>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(XMLRosterParser.parse(bytes: bytes, entry: "roster.xml", context: context).findings.map(\.rule) == ["roster.encoding"])
    }

    /// The roster pulled a few bytes at a time, as libxml2 pulls it from the bundle.
    func parse(_ text: String, pullingAtMost size: Int) -> RosterParseResult {
        XMLRosterParser.parse(entry: "roster.xml", context: context, pulling: XMLStream.pulling(Array(text.utf8), atMost: { _ in size }))
    }

    @Test func aRosterPulledAFewBytesAtATimeReadsAsTheWholeDoes() throws {
        let xml = RosterWriter.xml(employer: SampleData.employer, employees: SampleData.employees(count: 4, seed: 8))
        let whole = try #require(parse(xml).roster)
        for size in [1, 3, 7, 4096] { #expect(parse(xml, pullingAtMost: size).roster == whole, "pulls of \(size)") }
    }

    @Test func aDeclarationSplitBetweenTwoPullsIsStillRefusedWithItsLine() {
        let xml = "<?xml version=\"1.0\"?>\n<!-- a roster -->\n\n<!ENTITY x SYSTEM \"file:///etc/passwd\">\n<roster/>\n"
        for size in [1, 2, 5, 9] {
            let findings = parse(xml, pullingAtMost: size).findings
            #expect(findings.map(\.rule) == ["roster.dtd"], "pulls of \(size)")
            #expect(findings.first?.location.line == 4, "pulls of \(size)")
        }
    }

    /// libxml2 stops at the first syntax error; a declaration after it is what the report names, as
    /// when the whole file was screened first.
    @Test func aDeclarationAfterASyntaxErrorIsStillWhatIsReported() {
        let xml = "<?xml version=\"1.0\"?>\n<roster><a></b>\n" + String(repeating: "<x/>\n", count: 5_000) + "<!DOCTYPE r>\n"
        #expect(parse(xml, pullingAtMost: 100).findings.map(\.rule) == ["roster.dtd"])
        #expect(parse("<?xml version=\"1.0\"?>\n<roster><a></b>\n", pullingAtMost: 100).findings.map(\.rule) == ["roster.syntax"])
    }
}
