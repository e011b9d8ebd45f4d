import ArgumentParser
import CardBatchConsole

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule: identifier, severity, scope and title.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, markdown
    }

    @Option(name: .long, help: "table, json, or markdown (docs/rules.md).")
    var format: Format = .table

    @Flag(name: .long, help: "The same as --format json.")
    var json = false

    func run() throws {
        switch json ? .json : format {
        case .table: RuleText.table().forEach { print($0) }
        case .json: print(RuleText.json())
        case .markdown: print(RuleText.markdown(), terminator: "")
        }
    }
}
