import ArgumentParser
import CardBatchConsole

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule: identifier, severity, scope and title.")

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        if json { print(RuleText.json()) } else { RuleText.table().forEach { print($0) } }
    }
}
