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
        let named = Set(RuleRegistry.configurationKeys.values.flatMap { $0 })
        #expect(named.subtracting(known) == [])
        #expect(Set(RuleRegistry.configurationKeys.keys).subtracting(RuleRegistry.all.map(\.identifier)) == [])
    }
}
