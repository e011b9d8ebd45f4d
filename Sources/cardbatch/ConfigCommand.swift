import ArgumentParser
import CardBatchCore
import CardBatchIntake
import Foundation

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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        if json {
            print(String(decoding: try encoder.encode(effective), as: UTF8.self))
            return
        }
        let values = try flatten(encoder.encode(effective)), defaults = try flatten(encoder.encode(Configuration()))
        let width = values.keys.map(\.count).max() ?? 0
        for key in values.keys.sorted() {
            let value = values[key] ?? "", standard = defaults[key] ?? ""
            let padded = key.padding(toLength: width, withPad: " ", startingAt: 0)
            print(value == standard ? "\(padded)  \(value)" : "\(padded)  \(value)    (default \(standard))")
        }
    }

    /// `section.key` → the value as JSON text.
    func flatten(_ data: Data) throws -> [String: String] {
        let object = try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] ?? [:]
        var out: [String: String] = [:]
        for (section, values) in object {
            for (key, value) in values {
                let text = (try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .withoutEscapingSlashes]))
                    .map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
                out["\(section).\(key)"] = text
            }
        }
        return out
    }
}
