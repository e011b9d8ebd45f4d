import CLibXML2

/// Process-wide set-up of libxml2, done exactly once before any worker parses: `xmlInitParser()`, and
/// an external entity loader that refuses everything, so no document, DTD or schema can make
/// libxml2 open a file or a URL, whatever the parse options.
public enum XMLLibrary {
    private static let once: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
    }()

    /// - SeeAlso: `xmlInitParser`, `xmlSetExternalEntityLoader`
    public static func initialize() { once }
}

/// One message from libxml2 (parser or schema validator), with its line.
public struct XMLDiagnostic: Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public let line: Int?
    /// libxml2's `xmlParserErrors` code.
    public let code: Int
    /// True for a schema validity error, false for the parser's own.
    public let isValidity: Bool

    public var description: String { line.map { "line \($0): \(message)" } ?? message }

    /// The one place an `xmlError` becomes a Swift value.
    init(_ error: UnsafePointer<xmlError>) {
        let raw = error.pointee.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        message = XMLDiagnostic.readable(raw)
        line = error.pointee.line > 0 ? Int(error.pointee.line) : nil
        code = Int(error.pointee.code)
        isValidity = error.pointee.domain == Int32(XML_FROM_SCHEMASV.rawValue)
    }

    /// libxml2 writes element names as `{namespace}name` and ends messages with a period and a
    /// line break; people read `name` and one sentence.
    static func readable(_ raw: String) -> String {
        var text = raw.trimmingTrailingWhitespace()
        while let open = text.firstRange(of: "{"), let close = text[open.upperBound...].firstIndex(of: "}") {
            text.removeSubrange(open.lowerBound...close)
        }
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }

    public init(message: String, line: Int?, code: Int = 0, isValidity: Bool = false) {
        self.message = message
        self.line = line
        self.code = code
        self.isValidity = isValidity
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var s = Substring(self)
        while let last = s.last, last.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}

/// Collects structured errors from a libxml2 context. Confined to the worker that owns the context.
final class XMLDiagnosticSink {
    var diagnostics: [XMLDiagnostic] = []

    static let handler: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        Unmanaged<XMLDiagnosticSink>.fromOpaque(userData).takeUnretainedValue().diagnostics.append(XMLDiagnostic(error))
    }
}
