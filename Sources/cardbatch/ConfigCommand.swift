import ArgumentParser
import CardBatchConsole
import CardBatchIntake

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the effective configuration (defaults, overridden by --config FILE), each value beside its default; or check a file (--check FILE)."
    )

    @Option(name: .long, help: ArgumentHelp("JSON configuration file.", valueName: "file"))
    var config: String?

    @Flag(name: .long, help: "Print the effective configuration as JSON, a complete configuration file to start from.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Only check this configuration file: print each problem and exit 78, or say it is valid and exit 0.", valueName: "file"))
    var check: String?

    func validate() throws {
        if check != nil && config != nil { throw ValidationError("--check takes the file itself; leave out --config") }
    }

    func run() throws {
        if let check {
            _ = try loadConfiguration(check)
            print("\(check): valid")
            return
        }
        let effective = try loadConfiguration(config)
        if json { print(ConfigurationText.json(effective)) } else { ConfigurationText.table(effective).forEach { print($0) } }
    }
}
