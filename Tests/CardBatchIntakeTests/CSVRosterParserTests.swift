import CardBatchCore
import CardBatchIntake
import CardBatchSamples
import Foundation
import Testing

struct CSVRosterParserTests {
    let context = RuleContext(processingDate: CalendarDate(year: 2026, month: 11, day: 25)!, bundle: "b.zip", rosterEntry: "roster.csv")

    func parse(_ text: String) -> RosterParseResult {
        CSVRosterParser.parse(bytes: Array(text.utf8), entry: "roster.csv", context: context)
    }

    @Test func readsEmployerFromTheFirstRowAndNormalisesCodesToCapitals() throws {
        var rows = SampleData.employees(count: 2, seed: 1)
        rows[1][.nationality] = " gbr "
        rows[1][.passportNumber] = "ab1234567"
        let result = parse(RosterWriter.csv(employer: SampleData.employer, employees: rows))
        let roster = try #require(result.roster)
        #expect(result.findings.isEmpty)
        #expect(roster.header[.employerName] == "Shanghai Lumen Optics Co., Ltd.")
        #expect(roster.employees.count == 2)
        #expect(roster.employees[1][.nationality] == "GBR")
        #expect(roster.employees[1][.passportNumber] == "AB1234567")
        #expect(roster.employees.map(\.line) == [2, 3])
    }

    @Test func acceptsColumnsInAnyOrderAndLetterCase() throws {
        let header = CSVRosterParser.templateColumns.reversed().map { $0.csvColumn.uppercased() }
        let row = CSVRosterParser.templateColumns.reversed().map { SampleData.employer[$0] ?? SampleData.employees(count: 1, seed: 2)[0][$0] ?? "" }
        let result = parse(header.joined(separator: ",") + "\n" + row.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ",") + "\n")
        #expect(try #require(result.roster).employees[0][.surname] == "MARTIN")
    }

    @Test func aMissingColumnRejectsTheRosterAndNamesTheColumn() {
        let result = parse("surname,given_names\nA,B\n")
        #expect(result.roster == nil)
        #expect(result.findings.contains { $0.rule == "roster.schema" && $0.message.en.contains("passport_number") })
    }

    @Test func aRowWithTheWrongNumberOfCellsNamesItsLine() {
        let csv = RosterWriter.csv(employer: SampleData.employer, employees: SampleData.employees(count: 2, seed: 3)) + "x,y\r\n"
        let result = parse(csv)
        #expect(result.findings.contains { $0.rule == "roster.schema" && $0.location.line == 4 })
    }

    @Test func aSecondEmployerOnALaterRowIsRefused() {
        var lines = RosterWriter.csv(employer: SampleData.employer, employees: SampleData.employees(count: 3, seed: 4)).components(separatedBy: "\r\n")
        lines[2] = "Other Ltd" + lines[2]
        let result = parse(lines.joined(separator: "\r\n"))
        #expect(result.findings.map(\.rule) == ["roster.employer-inconsistent"])
        #expect(result.findings[0].location.line == 3)
    }

    @Test func rowsOfEmptyCellsBelowTheTableAreSkipped() throws {
        let csv = RosterWriter.csv(employer: SampleData.employer, employees: SampleData.employees(count: 1, seed: 5))
            + String(repeating: ",", count: CSVRosterParser.templateColumns.count - 1) + "\r\n"
        #expect(try #require(parse(csv).roster).employees.count == 1)
    }

    /// European Excel saves "CSV" with semicolons, and "Text (Tab delimited)" uses tabs: the roster
    /// is refused with one message saying so, not a list of every column as missing.
    @Test(arguments: [(";", "semicolons", "分号"), ("\t", "tabs", "制表符")])
    func aRosterSeparatedBySemicolonsOrTabsIsToldHowToSaveItAsCSV(_ separator: String, _ name: String, _ nameZH: String) {
        let csv = RosterWriter.csv(employer: SampleData.employer, employees: SampleData.employees(count: 2, seed: 3))
        let lines = csv.components(separatedBy: "\r\n").map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).map { $0.replacingOccurrences(of: "\"", with: "") }.joined(separator: separator)
        }
        let result = parse(lines.joined(separator: "\r\n"))
        #expect(result.roster == nil)
        #expect(result.findings.filter { $0.severity == .error }.map(\.message.en) == [
            "roster.csv is separated by \(name), not commas; save it as CSV (comma delimited) and make the ZIP again.",
        ])
        #expect(result.findings.first?.message.zh == "roster.csv 使用\(nameZH)而非逗号分隔；请另存为“CSV（逗号分隔）”后重新打包。")
    }
}
