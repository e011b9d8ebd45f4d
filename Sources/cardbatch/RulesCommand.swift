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
        print(d.rationale)
        print("")
        print(d.scope == .bundle
              ? "A failure rejects the whole bundle. / 不通过时整个压缩包被拒绝。"
              : "A failure rejects this employee only; the others can still be accepted. / 不通过时仅该员工被拒绝。")
    }
}

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "config", abstract: "Print the effective configuration (defaults, overridden by --config FILE) as JSON.")

    @Option(name: .long, help: ArgumentHelp("JSON configuration file.", valueName: "file"))
    var config: String?

    func run() throws {
        let configuration = try ConfigurationFile.load(config)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        print(String(decoding: try encoder.encode(configuration), as: UTF8.self))
    }
}
