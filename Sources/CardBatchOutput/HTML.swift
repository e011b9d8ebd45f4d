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

    /// Escapes the five characters that matter in text and in quoted attribute values.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
