import Foundation

extension Configuration {
    /// The configuration as a complete, pretty-printed JSON file with sorted keys: what `cardbatch
    /// config --json` prints, and what a run's history entry digests.
    public var canonicalJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
