public import CardBatchCore
import Foundation

/// A configuration file that cannot be used, with every problem found in it (exit status 78).
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let problems: [ConfigurationProblem]

    public var description: String {
        problems.map { $0.key.isEmpty ? "\(file) \($0)" : "\(file): \($0)" }.joined(separator: "\n")
    }
}

/// Reads a `--config` file strictly. Every key must be one the defaults have, at its depth and of its
/// type (a whole number where the default is one); keys the file does not name keep their defaults;
/// the merged values must then pass `Configuration.problems` (ranges, minimum above maximum,
/// patterns, modes). Nothing is processed with a file that has any problem: an operator who
/// misspells a threshold is told so, instead of running with the default.
///
/// The known keys come from encoding `Configuration()`, so a new key is one property with its default
/// (plus its documentation and any range in `problems`): nothing here changes.
public enum ConfigurationFile {
    /// Reads and checks the file at `path`; nil reads as the defaults.
    public static func load(path: String?) throws(ConfigurationError) -> Configuration {
        guard let path else { return Configuration() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(file: path, problems: [ConfigurationProblem(key: "", message: "cannot be read")])
        }
        return try decode([UInt8](data), file: path)
    }

    /// Checks `bytes` (a JSON object of sections of keys) and returns the configuration they make.
    public static func decode(_ bytes: [UInt8], file: String) throws(ConfigurationError) -> Configuration {
        func refuse(_ problems: [ConfigurationProblem]) -> ConfigurationError { ConfigurationError(file: file, problems: problems) }
        let given: JSONValue
        do {
            given = try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        } catch {
            throw refuse([ConfigurationProblem(key: "", message: "is not valid JSON (\(JSONValue.reason(error)))")])
        }
        var problems: [ConfigurationProblem] = []
        let merged = JSONValue.merge(given, over: defaults, path: [], known: knownKeys + defaults.childPaths(prefix: []), problems: &problems)
        guard problems.isEmpty else { throw refuse(problems) }
        let configuration: Configuration
        do {
            configuration = try JSONDecoder().decode(Configuration.self, from: JSONEncoder().encode(merged))
        } catch {
            // The merged document has every key of the defaults with their types: this cannot fail.
            throw refuse([ConfigurationProblem(key: "", message: "could not be applied (\(JSONValue.reason(error)))")])
        }
        let invalid = configuration.problems
        guard invalid.isEmpty else { throw refuse(invalid) }
        return configuration
    }

    /// The defaults as a JSON tree: the shape every file is checked against.
    static let defaults: JSONValue = {
        // Encoding the defaults cannot fail (plain numbers, strings and arrays).
        let data = try! JSONEncoder().encode(Configuration())
        return try! JSONDecoder().decode(JSONValue.self, from: data)
    }()

    /// Every known key, dotted.
    public static var knownKeys: [String] { defaults.leafPaths() }
}
