import CardBatchConsole
import CardBatchCore
import CardBatchTestSupport
import Foundation
import Testing

/// `docs/rules.md` is generated from the rules; this fails as soon as it no longer says what the rules
/// say (run `make docs`).
struct RulesDocumentTests {
    @Test func theCommittedRulesDocumentIsWhatTheRulesGenerate() throws {
        let committed = try String(contentsOfFile: "\(CardBatchBinary.root)/docs/rules.md", encoding: .utf8)
        #expect(committed == RuleText.markdown(), "docs/rules.md is out of date: run `make docs`")
    }

    @Test func everyRuleHasASectionAndARowInTheDocument() {
        let document = RuleText.markdown()
        for rule in RuleRegistry.all {
            #expect(document.contains("\n## \(rule.identifier)\n"), "\(rule.identifier)")
            #expect(document.contains("| [`\(rule.identifier)`]"), "\(rule.identifier)")
        }
    }
}
