import ArgumentParser
import CardBatchCore
import Foundation

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule: identifier, severity, scope and title.")

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let rules = RuleRegistry.all
        if json {
            struct Row: Encodable { let identifier, severity, scope, title, titleZH: String }
            let rows = rules.map { Row(identifier: $0.identifier, severity: $0.severity.rawValue, scope: $0.scope.rawValue, title: $0.title.en, titleZH: $0.title.zh) }
            print(String(decoding: JSONLine.encode(rows), as: UTF8.self))
            return
        }
        let width = rules.map(\.identifier.count).max() ?? 0
        print("rule-set version \(RuleRegistry.ruleSetVersion)")
        for rule in rules {
            let id = rule.identifier.padding(toLength: width, withPad: " ", startingAt: 0)
            let severity = rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            let scope = rule.scope.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            print("\(id)  \(severity)  \(scope)  \(rule.title.en)")
        }
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Explain what one rule checks and why, in English and Chinese.")

    @Argument(help: ArgumentHelp("A rule identifier, as `cardbatch rules` lists them.", valueName: "rule-id"))
    var rule: String

    func run() throws {
        guard let d = RuleRegistry.description(of: rule) else {
            throw ValidationError("no rule \"\(rule)\"; `cardbatch rules` lists them all")
        }
        print("\(d.identifier)  (\(d.severity.rawValue), \(d.scope.rawValue))")
        print(d.title.en)
        print(d.title.zh)
        print("")
        print("Why: \(d.rationale)")
        print("")
        let effect: String = switch (d.severity, d.scope) {
        case (.warning, _): "A finding is a warning: it is reported and rejects nothing. / 仅为提示，不导致拒绝。"
        case (.error, .bundle): "A failure rejects the whole bundle. / 不通过时整个压缩包被拒绝。"
        case (.error, .employee): "A failure rejects this employee only; the others can still be accepted. / 不通过时仅该员工被拒绝。"
        }
        print(effect)
        let keys = RuleRegistry.configurationKeys[d.identifier] ?? []
        print("Configuration / 配置项: " + (keys.isEmpty ? "none / 无" : keys.joined(separator: ", ")))
        if let example = RuleRegistry.exampleMessage(for: d.identifier) {
            print("")
            print("Example / 示例:")
            print("  \(example.en)")
            print("  \(example.zh)")
        }
    }
}
