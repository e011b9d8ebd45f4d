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
    public static func read(bytes: [UInt8], name: String, schema: XMLSchema, _ visit: (XMLStreamElement) -> Step) -> Outcome {
        read(name: name, schema: schema, pulling: pulling(bytes), visit)
    }

    /// A pull function over `bytes` in memory (see `read(name:schema:pulling:_:)`), each pull giving at
    /// most `size(n)` bytes at the n-th pull (from 1): tests and the fuzz harness pull in small pieces.
    public static func pulling(_ bytes: [UInt8], atMost size: @escaping (Int) -> Int = { _ in Int.max }) -> (UnsafeMutableRawBufferPointer) -> Int? {
        var position = 0, pulls = 0
        return { buffer in
            pulls += 1
            let count = min(buffer.count, bytes.count - position, max(size(pulls), 1))
            buffer.copyBytes(from: bytes[position..<(position + count)])
            position += count
            return count
        }
    }

    /// Reads a document pulled through `next` to its end, or to its first well-formedness error,
    /// calling `visit` at every element it enters. `next` fills the start of the buffer it is given
    /// and returns how many bytes it put there: 0 at the end of the document, nil to stop reading (it
    /// failed, or refused what it read: libxml2 then reports an input error, and has not seen the
    /// bytes of that call). Only libxml2's input buffer holds the document: a roster of 100,000
    /// employees is some 57 MB.
    /// - SeeAlso: `xmlReaderForIO`, `xmlTextReaderSchemaValidateCtxt`, `xmlTextReaderRead`, `xmlTextReaderNext`
    public static func read(name: String, schema: XMLSchema, pulling next: (UnsafeMutableRawBufferPointer) -> Int?,
                            _ visit: (XMLStreamElement) -> Step) -> Outcome {
        XMLLibrary.initialize()
        guard let validation = xmlSchemaNewValidCtxt(schema.schema) else {
            return .failed("out of memory")
        }
        // Freed after the reader, which unplugs itself from it.
        defer { xmlSchemaFreeValidCtxt(validation) }
        let sink = XMLDiagnosticSink()
        let owner = Owner()
        return withoutActuallyEscaping(next) { next in
            let source = Source(next: next)
            return withExtendedLifetime((sink, owner, source)) { () -> Outcome in
                // libxml2 pulls the document through `Source.read` while the reader reads, all in here.
                guard let reader = xmlReaderForIO(Source.read, nil, Unmanaged.passUnretained(source).toOpaque(), name, nil,
                                                  XMLDocument.parseOptions) else {
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

    /// The pull function behind libxml2's input callback.
    private final class Source {
        let next: (UnsafeMutableRawBufferPointer) -> Int?

        init(next: @escaping (UnsafeMutableRawBufferPointer) -> Int?) { self.next = next }

        /// `xmlInputReadCallback`: at most `length` bytes into `buffer`, 0 at the end, -1 on failure.
        static let read: xmlInputReadCallback = { context, buffer, length in
            guard let context, let buffer, length > 0 else { return length == 0 ? 0 : -1 }
            let source = Unmanaged<Source>.fromOpaque(context).takeUnretainedValue()
            guard let count = source.next(UnsafeMutableRawBufferPointer(start: buffer, count: Int(length))), count >= 0,
                  count <= Int(length) else { return -1 }
            return Int32(count)
        }
    }
}
