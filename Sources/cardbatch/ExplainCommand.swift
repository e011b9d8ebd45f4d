import ArgumentParser
import CardBatchConsole
import CardBatchCore

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Explain what one rule checks and why, in English and Chinese.")

    @Argument(help: ArgumentHelp("A rule identifier, as `cardbatch rules` lists them.", valueName: "rule-id"))
    var rule: String

    func run() throws {
        guard let description = RuleRegistry.description(of: rule) else {
            throw ValidationError("no rule \"\(rule)\"; `cardbatch rules` lists them all")
        }
        RuleText.explanation(description).forEach { print($0) }
    }
}
