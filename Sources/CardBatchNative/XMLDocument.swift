import CLibXML2
import Foundation

/// A document libxml2 refused to parse, with its diagnostics (line numbers kept).
public struct XMLParseError: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [XMLDiagnostic]
    public var description: String { diagnostics.map(\.description).joined(separator: "; ") }
}

/// A parsed XML document, owned here and freed in `deinit`. Confined to one worker.
///
/// Parsing is hardened: no network (`XML_PARSE_NONET`), no DTD loading, no entity substitution, no
/// default attributes from a DTD, and libxml2's built-in size limits stay on (no `XML_PARSE_HUGE`).
public final class XMLDocument {
    let document: xmlDocPtr

    static let parseOptions: Int32 = Int32(bitPattern:
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// - SeeAlso: `xmlNewParserCtxt`, `xmlCtxtReadMemory`, `xmlSetStructuredErrorFunc`
    public init(bytes: [UInt8], name: String) throws(XMLParseError) {
        XMLLibrary.initialize()
        // libxml2 takes the length as an int: a larger buffer is refused, not truncated or trapped on.
        guard let length = Int32(exactly: bytes.count) else {
            throw XMLParseError(diagnostics: [XMLDiagnostic(message: "the document is \(bytes.count) bytes, more than libxml2 reads", line: nil)])
        }
        guard let context = xmlNewParserCtxt() else {
            throw XMLParseError(diagnostics: [XMLDiagnostic(message: "out of memory", line: nil)])
        }
        defer { xmlFreeParserCtxt(context) }
        // The context keeps only the last error ("premature end of data"); the first one is what
        // a person needs. libxml2's structured error handler is per thread, so setting it around
        // this parse collects every error without touching other workers.
        let sink = XMLDiagnosticSink()
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(sink).toOpaque(), XMLDiagnosticSink.handler)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let parsed = withExtendedLifetime(sink) {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) {
                    xmlCtxtReadMemory(context, $0.baseAddress, length, name, nil, Self.parseOptions)
                }
            }
        }
        guard let parsed, context.pointee.wellFormed != 0 else {
            if let parsed { xmlFreeDoc(parsed) }
            var diagnostics = sink.diagnostics
            if diagnostics.isEmpty {
                diagnostics = [xmlCtxtGetLastError(context).map { XMLDiagnostic($0) }
                    ?? XMLDiagnostic(message: "the document is not well-formed XML", line: nil)]
            }
            throw XMLParseError(diagnostics: diagnostics)
        }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    /// True when the document declares a DOCTYPE (internal or external subset).
    public var hasDoctype: Bool { document.pointee.intSubset != nil || document.pointee.extSubset != nil }

    /// - SeeAlso: `xmlDocGetRootElement`
    public var root: XMLElement? {
        xmlDocGetRootElement(document).map { XMLElement(node: $0, owner: self) }
    }
}

/// An element of an `XMLDocument`, which it keeps alive, or of a subtree `XMLStream` expanded, which
/// lives only during the visit that expanded it. Confined to the same worker.
public struct XMLElement {
    let node: xmlNodePtr
    /// The document, or the stream reader's token: an element does not outlive what holds its node.
    let owner: AnyObject

    public var name: String { String(cString: node.pointee.name) }

    /// - SeeAlso: `xmlGetLineNo`
    public var line: Int { Int(xmlGetLineNo(node)) }

    public var children: [XMLElement] {
        var result: [XMLElement] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(XMLElement(node: current, owner: owner)) }
            child = current.pointee.next
        }
        return result
    }

    public func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }

    /// The element's own text (its text and CDATA children), without entity expansion.
    public var text: String {
        var bytes: [UInt8] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE, let content = current.pointee.content {
                bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))))
            }
            child = current.pointee.next
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The value of attribute `name` (no namespace), or nil.
    public func attribute(_ name: String) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if String(cString: current.pointee.name) == name {
                var bytes: [UInt8] = []
                var child = current.pointee.children
                while let text = child {
                    if let content = text.pointee.content {
                        bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))))
                    }
                    child = text.pointee.next
                }
                return String(decoding: bytes, as: UTF8.self)
            }
            attribute = current.pointee.next
        }
        return nil
    }
}

/// A compiled XML Schema. Parsed once per worker; validation reports every error with its line.
public final class XMLSchema {
    let schema: xmlSchemaPtr

    /// - SeeAlso: `xmlSchemaNewMemParserCtxt`, `xmlSchemaParse`
    public init(xsd bytes: [UInt8]) throws(XMLParseError) {
        XMLLibrary.initialize()
        let sink = XMLDiagnosticSink()
        guard let length = Int32(exactly: bytes.count) else {
            throw XMLParseError(diagnostics: [XMLDiagnostic(message: "the schema is \(bytes.count) bytes, more than libxml2 reads", line: nil)])
        }
        let parsed: xmlSchemaPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars -> xmlSchemaPtr? in
                guard let context = xmlSchemaNewMemParserCtxt(chars.baseAddress, length) else { return nil }
                defer { xmlSchemaFreeParserCtxt(context) }
                xmlSchemaSetParserStructuredErrors(context, XMLDiagnosticSink.handler, Unmanaged.passUnretained(sink).toOpaque())
                return withExtendedLifetime(sink) { xmlSchemaParse(context) }
            }
        }
        guard let parsed else { throw XMLParseError(diagnostics: sink.diagnostics) }
        schema = parsed
    }

    deinit { xmlSchemaFree(schema) }

    /// Every validity error of `document`, in document order; empty when valid.
    /// - SeeAlso: `xmlSchemaNewValidCtxt`, `xmlSchemaValidateDoc`
    public func validate(_ document: XMLDocument) -> [XMLDiagnostic] {
        guard let context = xmlSchemaNewValidCtxt(schema) else {
            return [XMLDiagnostic(message: "out of memory", line: nil)]
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let sink = XMLDiagnosticSink()
        xmlSchemaSetValidStructuredErrors(context, XMLDiagnosticSink.handler, Unmanaged.passUnretained(sink).toOpaque())
        let status = withExtendedLifetime(sink) { xmlSchemaValidateDoc(context, document.document) }
        if status != 0 && sink.diagnostics.isEmpty {
            return [XMLDiagnostic(message: "schema validation failed (libxml2 status \(status))", line: nil)]
        }
        return sink.diagnostics
    }
}
