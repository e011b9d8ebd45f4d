import ArgumentParser
import CardBatchCore

@main
struct CardBatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cardbatch",
        abstract: "Checks employers' Social Security Card bundles for foreign employees and writes accepted records and rejection reports.",
        discussion: """
        Exit status: 0 every employee accepted; 1 some employees rejected; 2 a bundle rejected as a \
        whole or unreadable; 3 a resubmission of a bundle already processed; 64 usage error; 65 a \
        ledger import file that is not an export; 74 an output or the ledger could not be written or reached.
        """,
        version: CardBatchVersion.tool,
        subcommands: [ProcessCommand.self, PrecheckCommand.self, RulesCommand.self, ExplainCommand.self,
                      ConfigCommand.self, SchemaCommand.self, WatchCommand.self, FixPhotoCommand.self, LedgerCommand.self, PurgeCommand.self]
    )
}
