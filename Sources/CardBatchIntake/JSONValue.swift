import CardBatchCore
import Foundation

/// A JSON document as a tree of values, so that a configuration file can be checked key by key
/// before it is applied (Codable alone ignores keys it does not know).
enum JSONValue: Codable, Equatable {
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
    case null

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let value = try? c.decode(Bool.self) { self = .bool(value) }
        else if let value = try? c.decode(Int.self) { self = .integer(value) }
        else if let value = try? c.decode(Double.self) { self = .number(value) }
        else if let value = try? c.decode(String.self) { self = .string(value) }
        else if let value = try? c.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .bool(let value): try c.encode(value)
        case .integer(let value): try c.encode(value)
        case .number(let value): try c.encode(value)
        case .string(let value): try c.encode(value)
        case .array(let value): try c.encode(value)
        case .object(let value): try c.encode(value)
        case .null: try c.encodeNil()
        }
    }

    /// What a value of this kind is called in a message.
    var kind: String {
        switch self {
        case .bool: "true or false"
        case .integer: "a whole number"
        case .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object of keys"
        case .null: "null"
        }
    }

    /// The value as a message shows it: scalars as written, lists and objects by their kind.
    var shown: String {
        switch self {
        case .bool(let value): "\(value)"
        case .integer(let value): "\(value)"
        case .number(let value): "\(value)"
        case .string(let value): "\"\(value.prefix(60))\""
        case .array, .object, .null: kind
        }
    }

    /// `given` laid over `base`, key by key. A key `base` lacks, or a value of another kind, is a
    /// problem (with the closest known key for a misspelling); the base value is kept in its place.
    static func merge(_ given: JSONValue, over base: JSONValue, path: [String], known: [String],
                      problems: inout [ConfigurationProblem]) -> JSONValue {
        let key = path.joined(separator: ".")
        switch (base, given) {
        case (.object(var merged), .object(let fields)):
            for name in fields.keys.sorted() {
                let child = path + [name]
                guard let existing = merged[name] else {
                    let dotted = child.joined(separator: ".")
                    problems.append(ConfigurationProblem(key: dotted, message: "is not a configuration key",
                                                         suggestion: ClosestMatch.find(dotted, among: known)))
                    continue
                }
                merged[name] = merge(fields[name]!, over: existing, path: child, known: known, problems: &problems)
            }
            return .object(merged)
        case (.integer, .integer), (.number, .number), (.string, .string), (.bool, .bool):
            return given
        case (.number, .integer(let value)):
            return .number(Double(value))
        case (.array(let items), .array(let values)):
            // A list keeps the kind of the default's items; an empty default list holds strings.
            let itemKind = items.first ?? .string("")
            for (i, value) in values.enumerated() where !sameKind(value, itemKind) {
                problems.append(ConfigurationProblem(key: "\(key)[\(i)]", message: "must be \(itemKind.kind), not \(value.shown)"))
            }
            return given
        default:
            problems.append(ConfigurationProblem(key: key, message: "must be \(base.kind), not \(given.shown)"))
            return base
        }
    }

    static func sameKind(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.integer, .integer), (.number, .number), (.string, .string), (.bool, .bool), (.array, .array), (.object, .object), (.null, .null): true
        default: false
        }
    }

    /// Dotted paths of every value that is not an object, below `prefix`.
    func leafPaths(prefix: [String] = []) -> [String] {
        guard case .object(let fields) = self else { return [prefix.joined(separator: ".")] }
        return fields.keys.sorted().flatMap { fields[$0]!.leafPaths(prefix: prefix + [$0]) }
    }

    /// Dotted paths of the objects below `prefix` (the sections), for suggestions.
    func childPaths(prefix: [String]) -> [String] {
        guard case .object(let fields) = self else { return [] }
        return fields.keys.sorted().compactMap { name in
            if case .object = fields[name]! { return (prefix + [name]).joined(separator: ".") }
            return nil
        }
    }

    /// A short reason from a decoding error (Foundation's descriptions run long).
    static func reason(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            return (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String ?? context.debugDescription
        }
        return String(describing: error)
    }
}

/// The closest of a set of names to a misspelt one, by edit distance.
enum ClosestMatch {
    /// The candidate nearest `name`, if it is near enough to be a misspelling: at most a third of
    /// the name's length in edits, and at least 2. `photoChecks.minBackgroundLightnes` finds
    /// `photoChecks.minBackgroundLightness`, and `photo.minSharpness` finds `photoChecks.minSharpness`.
    static func find(_ name: String, among candidates: [String]) -> String? {
        let lowered = name.lowercased()
        let last = lowered.split(separator: ".").last.map(String.init) ?? lowered
        // A key put in the wrong section, or at the top, is found by its own name (one edit more).
        let scored = candidates.map { candidate in
            let whole = candidate.lowercased()
            let own = whole.split(separator: ".").last.map(String.init) ?? whole
            return (candidate, min(distance(lowered, whole), distance(last, own) + (own == whole ? 0 : 1)))
        }
        guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) else { return nil }
        return best.1 <= max(2, name.count / 3) ? best.0 : nil
    }

    /// Levenshtein distance, two rows at a time.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8), b = Array(b.utf8)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count), current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
