import CardBatchCore
import Foundation
import Testing

struct ExplainTests {
    @Test func everyRuleHasAnExampleMessageInBothLanguages() {
        let missing = RuleRegistry.all.map(\.identifier).filter { id in
            guard let text = RuleRegistry.exampleMessage(for: id) else { return true }
            return text.en.isEmpty || text.zh.isEmpty
        }
        #expect(missing == [])
    }

    @Test func everyConfigurationKeyARuleNamesExists() throws {
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Configuration())) as! [String: [String: Any]]
        let known = Set(json.flatMap { section, values in values.keys.map { "\(section).\($0)" } })
        let named = Set(RuleRegistry.all.flatMap(\.configurationKeys))
        #expect(!named.isEmpty)
        #expect(named.subtracting(known) == [])
    }

    /// The pre-check report shows each employee's problems with how to fix them.
    @Test func everyEmployeeRuleSaysHowToFixWhatItFinds() {
        let missing = RuleRegistry.all.filter { $0.scope == .employee && $0.fixHint == nil }.map(\.identifier)
        #expect(missing == [])
    }

    @Test func aRulesCategoryIsTheFirstPartOfItsIdentifier() {
        let archive: Set<String> = ["zip", "bundle"]
        for rule in RuleRegistry.all {
            let prefix = String(rule.identifier.split(separator: ".")[0])
            #expect(archive.contains(prefix) ? rule.category == .archive : rule.category.rawValue == prefix, "\(rule.identifier)")
        }
    }
}
