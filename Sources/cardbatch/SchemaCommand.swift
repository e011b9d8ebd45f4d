import ArgumentParser
import CardBatchIntake
import CardBatchOutput

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print a published format: the roster XML Schema, the CSV roster template, or the accepted-records XML Schema."
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case roster, csvTemplate = "csv-template", records
    }

    @Argument(help: ArgumentHelp("roster, csv-template or records.", valueName: "kind"))
    var kind: Kind

    func run() {
        switch kind {
        case .roster: print(RosterSchema.xsd, terminator: "")
        case .csvTemplate: print(CSVRosterParser.templateHeader)
        case .records: print(RecordsSchema.xsd, terminator: "")
        }
    }
}
