import Foundation

/// JSON as every cardbatch report writes it: pretty-printed, keys sorted, slashes unescaped, so two
/// runs write identical bytes and a person can read the file.
public struct PrettyJSON {
    private let encoder: JSONEncoder

    /// One encoder, for a document written piece by piece (a bundle report encodes every employee
    /// and finding with it).
    public init() {
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    }

    /// `value` encoded as UTF-8, every line after the first indented by `indent` spaces so it can be
    /// placed inside a larger document. The indentation is added byte by byte: a line break inside a
    /// string value is escaped by the encoder, so every 0x0A it wrote ends a line. Encoding
    /// cardbatch's plain value types cannot fail.
    public func bytes<T: Encodable>(_ value: T, indent: Int = 0) -> [UInt8] {
        let data = (try? encoder.encode(value)) ?? Data("null".utf8)
        guard indent > 0 else { return [UInt8](data) }
        var out: [UInt8] = []
        out.reserveCapacity(data.count + data.count / 8)
        data.withUnsafeBytes { raw in
            for byte in raw {
                out.append(byte)
                if byte == 0x0A { out.append(contentsOf: repeatElement(0x20, count: indent)) }
            }
        }
        return out
    }

    /// `value` encoded, indented as `bytes` does.
    public static func encode<T: Encodable>(_ value: T, indent: Int = 0) -> String {
        String(decoding: PrettyJSON().bytes(value, indent: indent), as: UTF8.self)
    }
}
