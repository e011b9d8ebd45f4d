/// A typed HTML tree. Text and attribute values are escaped when rendered, so names and file names
/// from a roster can never become markup; only `raw` (for the report's own style sheet) is not.
public indirect enum HTML: Sendable {
    case element(String, [(String, String)], [HTML])
    case text(String)
    case raw(String)
    case group([HTML])

    public static func el(_ name: String, _ attributes: [(String, String)] = [], _ children: [HTML] = []) -> HTML {
        .element(name, attributes, children)
    }

    public static func el(_ name: String, _ attributes: [(String, String)] = [], text: String) -> HTML {
        .element(name, attributes, [.text(text)])
    }

    static let voidElements: Set<String> = ["meta", "img", "input", "br", "hr", "link"]

    /// Writes the tree through `sink`, piece by piece.
    public func render(into out: inout String) {
        switch self {
        case .text(let s): out += HTML.escape(s)
        case .raw(let s): out += s
        case .group(let nodes): for node in nodes { node.render(into: &out) }
        case .element(let name, let attributes, let children):
            out += "<\(name)"
            for (key, value) in attributes { out += value.isEmpty && key == "checked" ? " \(key)" : " \(key)=\"\(HTML.escape(value))\"" }
            out += ">"
            guard !HTML.voidElements.contains(name) else { return }
            for child in children { child.render(into: &out) }
            out += "</\(name)>"
        }
    }

    public var rendered: String {
        var out = ""
        render(into: &out)
        return out
    }

    /// Escapes the five characters that matter in text and in quoted attribute values. Byte by byte
    /// over UTF-8 (the five are ASCII, and ASCII bytes never occur inside a multi-byte sequence), and
    /// a string without any of them (a name, a base64 thumbnail) is returned as it is.
    public static func escape(_ s: String) -> String {
        var s = s
        let escaped: String? = s.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            for byte in bytes {
                switch byte {
                case 0x26: out += Array("&amp;".utf8)
                case 0x3C: out += Array("&lt;".utf8)
                case 0x3E: out += Array("&gt;".utf8)
                case 0x22: out += Array("&quot;".utf8)
                case 0x27: out += Array("&#39;".utf8)
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return escaped ?? s
    }
}
