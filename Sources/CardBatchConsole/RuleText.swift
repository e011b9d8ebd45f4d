public import CardBatchCore
import Foundation

/// What `rules` and `explain` print.
public enum RuleText {
    /// One row per rule: identifier, severity, scope and English title, under the rule-set version.
    public static func table(_ rules: [RuleDescription] = RuleRegistry.all) -> [String] {
        let width = rules.map(\.identifier.count).max() ?? 0
        return ["rule-set version \(RuleRegistry.ruleSetVersion)"] + rules.map { rule in
            let id = rule.identifier.padding(toLength: width, withPad: " ", startingAt: 0)
            let severity = rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            let scope = rule.scope.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            return "\(id)  \(severity)  \(scope)  \(rule.title.en)"
        }
    }

    /// The same as JSON, one array.
    public static func json(_ rules: [RuleDescription] = RuleRegistry.all) -> String {
        struct Row: Encodable { let identifier, severity, scope, title, titleZH: String }
        return JSONLine.encode(rules.map {
            Row(identifier: $0.identifier, severity: $0.severity.rawValue, scope: $0.scope.rawValue, title: $0.title.en, titleZH: $0.title.zh)
        })
    }

    /// What a rule checks and why, what a failure does, its configuration keys and a real example
    /// message, in English and Chinese.
    public static func explanation(_ d: RuleDescription) -> [String] {
        let effect: String = switch (d.severity, d.scope) {
        case (.warning, _): "A finding is a warning: it is reported and rejects nothing. / 仅为提示，不导致拒绝。"
        case (.error, .bundle): "A failure rejects the whole bundle. / 不通过时整个压缩包被拒绝。"
        case (.error, .employee): "A failure rejects this employee only; the others can still be accepted. / 不通过时仅该员工被拒绝。"
        }
        let keys = d.configurationKeys
        var lines = ["\(d.identifier)  (\(d.severity.rawValue), \(d.scope.rawValue))", d.title.en, d.title.zh, "",
                     "Why: \(d.rationale)", "", effect,
                     "Configuration / 配置项: " + (keys.isEmpty ? "none / 无" : keys.joined(separator: ", "))]
        if let example = RuleRegistry.exampleMessage(for: d.identifier) {
            lines += ["", "Example / 示例:", "  \(example.en)", "  \(example.zh)"]
        }
        return lines
    }
}
