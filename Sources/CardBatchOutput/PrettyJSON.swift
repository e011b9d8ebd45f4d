import Foundation

/// JSON as every cardbatch report writes it: pretty-printed, keys sorted, slashes unescaped, so two
/// runs write identical bytes and a person can read the file.
public enum PrettyJSON {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return encoder
    }

    /// `value` encoded, every line after the first indented by `indent` spaces so it can be placed
    /// inside a larger document. Encoding cardbatch's plain value types cannot fail.
    public static func encode<T: Encodable>(_ value: T, indent: Int = 0) -> String {
        let text = String(decoding: (try? encoder().encode(value)) ?? Data("null".utf8), as: UTF8.self)
        guard indent > 0 else { return text }
        return text.replacing("\n", with: "\n" + String(repeating: " ", count: indent))
    }
}
