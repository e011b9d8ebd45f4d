import CardBatchConsole
import CardBatchCore
import CardBatchOutput
import CardBatchPipeline
import CardBatchSamples
import CardBatchTestSupport
import Foundation
import Testing

/// The renderers of `process`, `precheck`, `rules`, `explain` and `config`, on real outcomes of the
/// pipeline, without the binary or a terminal.
struct ConsoleRenderingTests {
    let dir = TemporaryDirectory()

    /// A bundle of three whose second employee has an unknown nationality.
    func outcome(mode: RunMode) throws -> BundleOutcome {
        var rows = Fixtures.employees(3, seed: 51)
        rows[1][.nationality] = "XYZ"
        let path = try Fixtures.write(Fixtures.cleanBundle(rows), "lumen.zip", in: dir)
        let options = ProcessingOptions(mode: mode, outputDirectory: dir.file("out-\(mode)"), processingDate: Fixtures.date, workers: 1)
        guard case .judged(let outcome) = BatchRunner.run(BundleJob.jobs(for: [path]), options: options)[0] else {
            throw CocoaError(.fileWriteUnknown)
        }
        return outcome
    }

    @Test func processPrintsTheBundleLineAndACompilerStyleLinePerRejectionWithoutNamesOrPassports() throws {
        let outcome = try outcome(mode: .process)
        let lines = ProcessLines.render(outcome)
        #expect(lines.first == "lumen.zip: partially-accepted — 3 employees, 2 accepted, 1 rejected → \(outcome.outputPath)")
        let rejected = try #require(outcome.result.rejected.first?.record)
        #expect(lines.contains { $0.contains("lumen.zip:roster.csv:3: error: [employee.nationality] row 2 (passport ") })
        // What was found and what is expected, not the rule's title.
        #expect(lines.contains { $0.contains("): nationality: XYZ, expected an ICAO 9303 three-letter code") })
        let joined = lines.joined(separator: "\n")
        #expect(!joined.contains(rejected[.passportNumber]))
        #expect(!joined.contains(rejected[.surname]))
    }

    @Test func precheckSaysOKOrFixPerEmployeeAndColoursOnlyWhenAsked() throws {
        let outcome = try outcome(mode: .precheck)
        let plain = PrecheckSummary.render(outcome, style: .plain)
        #expect(plain.contains("  OK   row 1: "))
        #expect(plain.contains("  FIX  row 2: "))
        #expect(plain.contains("2 ready, 1 to fix. / 2 名通过，1 名需修改。"))
        #expect(!plain.contains("\u{1B}["))
        let coloured = PrecheckSummary.render(outcome, style: TerminalStyle(colour: true))
        #expect(coloured.contains("\u{1B}[31;1mFIX\u{1B}[0m"))
    }

    @Test func noColorOrADumbTerminalTurnsColourOff() {
        #expect(!TerminalStyle.standardOutput(environment: ["NO_COLOR": "1"]).colour)
        #expect(!TerminalStyle.standardOutput(environment: ["TERM": "dumb"]).colour)
        #expect(TerminalStyle.plain.paint("OK", "32") == "OK")
    }

    @Test func theRuleTableListsEveryRuleAndExplainGivesKeysAndAnExample() throws {
        let table = RuleText.table()
        #expect(table.count == RuleRegistry.all.count + 1)
        #expect(table[0] == "rule-set version \(RuleRegistry.ruleSetVersion)")
        let size = try #require(RuleRegistry.description(of: "photo.file-size"))
        let explanation = RuleText.explanation(size)
        #expect(explanation.contains("Configuration / 配置项: photo.minBytes, photo.maxBytes"))
        #expect(explanation.contains("Example / 示例:"))
    }

    @Test func configMarksOnlyTheValuesThatDifferFromTheirDefaults() {
        var c = Configuration()
        c.photo.maxBytes = 120_000
        let lines = ConfigurationText.table(c)
        #expect(lines.contains { $0.hasPrefix("photo.maxBytes") && $0.hasSuffix("120000    (default 100000)") })
        #expect(lines.contains { $0.hasPrefix("photo.minBytes") && $0.hasSuffix(" 40960") })
        #expect(lines.filter { $0.contains("(default") }.count == 1)
    }

    @Test func theProgressBarCountsBundlesAndEmployees() {
        let bar = ProgressBar(bundles: 2, redraw: false)
        bar.bundleStarted(employees: 4)
        for _ in 0..<2 { bar.employeeChecked() }
        #expect(bar.line().hasPrefix("[######.................."))
        #expect(bar.line().contains("] 0/2 bundles · 2 employees · "))
        bar.bundleFinished()
        #expect(bar.line().contains("] 1/2 bundles · "))
    }
}
