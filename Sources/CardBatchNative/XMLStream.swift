import CLibXML2

/// An element the stream reader stands on.
///
/// Confined to the `visit` call that receives it: the reader frees each subtree once it moves past it.
public struct XMLStreamElement {
    let reader: xmlTextReaderPtr
    let owner: AnyObject
    public let name: String
    /// 0 for the root element, 1 for its children, and so on.
    public let depth: Int

    /// The element's line.
    /// - SeeAlso: `xmlTextReaderCurrentNode`, `xmlGetLineNo`
    public var line: Int? {
        guard let node = xmlTextReaderCurrentNode(reader) else { return nil }
        let line = Int(xmlGetLineNo(node))
        return line > 0 ? line : nil
    }

    /// The element with its whole subtree, read now: only this subtree is built in memory. Use it
    /// within the `visit` call, then return `.skip`.
    /// - SeeAlso: `xmlTextReaderExpand`
    public func expand() -> XMLElement? {
        xmlTextReaderExpand(reader).map { XMLElement(node: $0, owner: owner) }
    }
}

/// Reads a document as a stream with libxml2's `xmlTextReader`, validating it against a schema as it
/// goes, so that memory holds the subtree being looked at, not the document: a DOM of a roster of
/// 10,000 employees took some 50 MB. Parsed with the same hardened options as `XMLDocument`.
public enum XMLStream {
    public enum Step {
        /// Go on into the element's children.
        case descend
        /// Go on after the element's end, its subtree freed.
        case skip
    }

    public struct Outcome: Sendable {
        /// Set when the document is not well-formed: libxml2's first fatal error (reading stopped there).
        public var syntaxError: XMLDiagnostic?
        /// Every validity error against the schema, in document order.
        public var validityErrors: [XMLDiagnostic]
        /// True when the document declares a DOCTYPE.
        public var hasDoctype: Bool

        /// Reading could not start or go on: `message` says why.
        static func failed(_ message: String) -> Outcome {
            Outcome(syntaxError: XMLDiagnostic(message: message, line: nil), validityErrors: [], hasDoctype: false)
        }
    }

    private final class Owner {}

    /// Reads `bytes` to the end, or to its first well-formedness error, calling `visit` at every
    /// element it enters.
    /// - SeeAlso: `xmlReaderForMemory`, `xmlTextReaderSchemaValidateCtxt`, `xmlTextReaderRead`, `xmlTextReaderNext`
    public static func read(bytes: [UInt8], name: String, schema: XMLSchema, _ visit: (XMLStreamElement) -> Step) -> Outcome {
        XMLLibrary.initialize()
        // libxml2 takes the length as an int: a larger buffer is refused, not truncated or trapped on.
        guard let length = Int32(exactly: bytes.count) else {
            return .failed("the document is \(bytes.count) bytes, more than libxml2 reads")
        }
        guard let validation = xmlSchemaNewValidCtxt(schema.schema) else {
            return .failed("out of memory")
        }
        // Freed after the reader, which unplugs itself from it.
        defer { xmlSchemaFreeValidCtxt(validation) }
        let sink = XMLDiagnosticSink()
        let owner = Owner()
        return withExtendedLifetime((sink, owner)) {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars -> Outcome in
                    // The reader reads the buffer in place, so all of the reading happens in here.
                    guard let reader = xmlReaderForMemory(chars.baseAddress, length, name, nil, XMLDocument.parseOptions) else {
                        return .failed("out of memory")
                    }
                    defer { xmlFreeTextReader(reader) }
                    // Parser errors go to this thread's structured error handler (as in `XMLDocument`),
                    // validity errors to the validation context's; `XMLDiagnostic.isValidity` tells
                    // them apart. The reader's own error relay is not used: once the schema is plugged
                    // in, libxml2 hands it the plug's data instead of the parser context.
                    let sinkPointer = Unmanaged.passUnretained(sink).toOpaque()
                    xmlSchemaSetValidStructuredErrors(validation, XMLDiagnosticSink.handler, sinkPointer)
                    xmlSetStructuredErrorFunc(sinkPointer, XMLDiagnosticSink.handler)
                    defer { xmlSetStructuredErrorFunc(nil, nil) }
                    guard xmlTextReaderSchemaValidateCtxt(reader, validation, 0) == 0 else {
                        return .failed("the schema could not be attached to the reader")
                    }
                    var hasDoctype = false
                    var status = xmlTextReaderRead(reader)
                    while status == 1 {
                        let type = xmlTextReaderNodeType(reader)
                        if type == Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue) { hasDoctype = true }
                        if type == Int32(XML_READER_TYPE_ELEMENT.rawValue), let localName = xmlTextReaderConstLocalName(reader) {
                            let element = XMLStreamElement(reader: reader, owner: owner, name: String(cString: localName),
                                                           depth: Int(xmlTextReaderDepth(reader)))
                            if visit(element) == .skip {
                                status = xmlTextReaderNext(reader)
                                continue
                            }
                        }
                        status = xmlTextReaderRead(reader)
                    }
                    let validity = sink.diagnostics.filter(\.isValidity)
                    if status != 0 {
                        let first = sink.diagnostics.first { !$0.isValidity }
                        return Outcome(syntaxError: first ?? XMLDiagnostic(message: "the document is not well-formed XML", line: nil),
                                       validityErrors: validity, hasDoctype: hasDoctype)
                    }
                    if validity.isEmpty && xmlTextReaderIsValid(reader) != 1 {
                        return Outcome(syntaxError: nil, validityErrors: [XMLDiagnostic(message: "schema validation failed", line: nil, isValidity: true)],
                                       hasDoctype: hasDoctype)
                    }
                    return Outcome(syntaxError: nil, validityErrors: validity, hasDoctype: hasDoctype)
                }
            }
        }
    }
}
