public import CardBatchCore
import Foundation

/// What `config` prints: every effective value beside its default, or a complete JSON file.
public enum ConfigurationText {
    /// `section.key  value`, sorted, with `(default …)` where the value differs.
    public static func table(_ effective: Configuration) -> [String] {
        let values = flatten(effective), defaults = flatten(Configuration())
        let width = values.keys.map(\.count).max() ?? 0
        return values.keys.sorted().map { key in
            let value = values[key] ?? "", standard = defaults[key] ?? ""
            let padded = key.padding(toLength: width, withPad: " ", startingAt: 0)
            return value == standard ? "\(padded)  \(value)" : "\(padded)  \(value)    (default \(standard))"
        }
    }

    /// The configuration as a complete, pretty-printed JSON file.
    public static func json(_ effective: Configuration) -> String { effective.canonicalJSON }

    /// `section.key` → the value as JSON text.
    static func flatten(_ configuration: Configuration) -> [String: String] {
        guard let data = try? JSONEncoder().encode(configuration),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] else { return [:] }
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
