public import CardBatchCore
import CardBatchNative

/// Reads `roster.xml` with libxml2 and validates it against `RosterSchema.xsd`.
///
/// Hostile XML is refused before libxml2 sees it where that is cheap: a UTF-16 file (the DOCTYPE scan
/// below reads bytes) and any DOCTYPE or entity declaration (external entities, billion laughs).
/// libxml2 itself runs without network, DTD loading or entity substitution, with a loader that refuses
/// every external resource.
public enum XMLRosterParser {
    /// Diagnostics beyond this many are summarised, so a wholly wrong file gives a readable report.
    static let maxDiagnostics = 20

    /// The employees are appended to `records` (empty: in memory, or kept in a storage).
    public static func parse(bytes: [UInt8], entry: String, context: RuleContext, into records: EmployeeRecords = []) -> RosterParseResult {
        parse(entry: entry, context: context, into: records, pulling: XMLStream.pulling(bytes))
    }

    /// Parses a roster pulled through `next` (see `XMLStream.read(name:schema:pulling:_:)`; the intake
    /// pulls it from the bundle as it is inflated, so its bytes are never all in memory). Each pull
    /// is screened before libxml2 sees it: UTF-16, and any DOCTYPE or entity declaration, stop the
    /// reading there. When `next` itself fails, the result is meaningless: the caller reports why.
    public static func parse(entry: String, context: RuleContext, into records: EmployeeRecords = [],
                             pulling next: (UnsafeMutableRawBufferPointer) -> Int?) -> RosterParseResult {
        let location = Location(bundle: context.bundle, entry: entry)
        var screen = RawScreen()
        func screened(_ buffer: UnsafeMutableRawBufferPointer) -> Int? {
            guard let count = next(buffer) else { return nil }
            return screen.passes(UnsafeRawBufferPointer(rebasing: buffer[0..<count])) ? count : nil
        }
        let schema: XMLSchema
        do {
            schema = try XMLSchema(xsd: Array(RosterSchema.xsd.utf8))
        } catch {
            preconditionFailure("the embedded roster schema does not compile: \(error)")
        }
        // Read as a stream and validated as it is read: each employee's element is built, read into
        // its record and freed, so memory holds the records, not a tree of the whole roster.
        var header = RosterHeader()
        var employees = records
        let outcome = XMLStream.read(name: entry, schema: schema, pulling: screened) { element in
            switch element.depth {
            case 0:
                header.line = element.line
                return .descend
            case 1 where element.name == "employees":
                return .descend
            case 1:
                // employer, designatedStaff, authorizationLetter: the header fields under them.
                guard let expanded = element.expand() else { return .skip }
                for field in RosterField.bundleFields where field.xmlName.hasPrefix(element.name + "/") {
                    let path = String(field.xmlName.dropFirst(element.name.count + 1))
                    header[field] = FieldNormalizer.normalize(value(of: path, in: expanded) ?? "", field: field)
                }
                return .skip
            case 2 where element.name == "employee":
                guard let expanded = element.expand() else { return .skip }
                let row = employees.count + 1
                // The child elements' texts in one pass (the first of a name counts, as in
                // `value(of:in:)`), instead of one search of the children a field.
                var texts: [String: String] = [:]
                for child in expanded.children where texts[child.name] == nil { texts[child.name] = child.text }
                var values: [RosterField: String] = [:]
                for field in RosterField.employeeFields {
                    let text = field.xmlName.contains("/") ? value(of: field.xmlName, in: expanded) : texts[field.xmlName]
                    values[field] = FieldNormalizer.normalize(text ?? "", field: field)
                }
                employees.append(EmployeeRecord(row: row, line: expanded.line, path: "/roster/employees/employee[\(row)]", format: .xml, values: values))
                return .skip
            default:
                return .skip
            }
        }
        if outcome.syntaxError != nil && !screen.stopped {
            // libxml2 stopped early: the rest is still screened, so a declaration further on is
            // what the report names (as when the screen ran over the whole file first).
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 1)
            defer { buffer.deallocate() }
            while let count = screened(buffer), count > 0 {}
        }
        if screen.isUTF16 {
            return .rejected([RosterEncodingRule.description.finding(
                at: location, value: "UTF-16", expected: "UTF-8",
                en: "\(entry) is UTF-16; save it as UTF-8.", zh: "\(entry) 为 UTF-16 编码；请另存为 UTF-8。"
            )])
        }
        if let line = screen.declarationLine {
            return .rejected([RosterDTDRule.description.finding(
                at: Location(bundle: context.bundle, entry: entry, line: line), value: "<!DOCTYPE or <!ENTITY", expected: "no DOCTYPE",
                en: "\(entry) line \(line) declares a DOCTYPE or entity. Rosters must not contain DTDs or entities; remove the declaration.",
                zh: "\(entry) 第 \(line) 行含 DOCTYPE 或实体声明。名册不得包含 DTD 或实体，请删除。"
            )])
        }
        if let diagnostic = outcome.syntaxError {
            return .rejected([RosterSyntaxRule.description.finding(
                at: Location(bundle: context.bundle, entry: entry, line: diagnostic.line), value: diagnostic.message, expected: "well-formed XML",
                en: "\(entry)\(diagnostic.line.map { " line \($0)" } ?? "") is not well-formed XML: \(diagnostic.message).",
                zh: "\(entry)\(diagnostic.line.map { " 第 \($0) 行" } ?? "") 不是格式正确的 XML：\(diagnostic.message)。"
            )])
        }
        if outcome.hasDoctype {
            return .rejected([RosterDTDRule.description.finding(
                at: location, value: "DOCTYPE", expected: "no DOCTYPE",
                en: "\(entry) declares a DOCTYPE. Rosters must not contain DTDs or entities.",
                zh: "\(entry) 含 DOCTYPE 声明。名册不得包含 DTD 或实体。"
            )])
        }
        let diagnostics = outcome.validityErrors
        if !diagnostics.isEmpty {
            var findings = diagnostics.prefix(maxDiagnostics).map { d in
                RosterSchemaRule.description.finding(
                    at: Location(bundle: context.bundle, entry: entry, line: d.line), value: d.message, expected: "valid against roster.xsd",
                    en: "\(entry)\(d.line.map { " line \($0)" } ?? ""): \(d.message).",
                    zh: "\(entry)\(d.line.map { " 第 \($0) 行" } ?? "")：不符合 roster.xsd（\(d.message)）。"
                )
            }
            if diagnostics.count > maxDiagnostics {
                findings.append(RosterSchemaRule.description.finding(
                    at: location, value: "\(diagnostics.count) errors", expected: "valid against roster.xsd",
                    en: "\(entry): \(diagnostics.count - maxDiagnostics) further schema errors are not listed.",
                    zh: "\(entry)：另有 \(diagnostics.count - maxDiagnostics) 处架构错误未列出。"
                ))
            }
            return .rejected(findings)
        }
        return RosterParseResult(roster: Roster(format: .xml, entry: entry, header: header, employees: employees), findings: [])
    }

    /// Follows a `a/b` or `a/@attr` path from `element`.
    static func value(of path: String, in element: XMLElement) -> String? {
        var current = element
        let steps = path.split(separator: "/")
        for (i, step) in steps.enumerated() {
            if step.hasPrefix("@") { return current.attribute(String(step.dropFirst())) }
            guard let next = current.child(String(step)) else { return nil }
            current = next
            if i == steps.count - 1 { return current.text }
        }
        return nil
    }

    /// Screens a roster's raw bytes as they are pulled, before libxml2 sees them: a UTF-16 start
    /// (the declaration scan reads bytes), and the first `<!DOCTYPE` or `<!ENTITY` anywhere, even one
    /// split between two pulls (external entities, billion laughs).
    struct RawScreen {
        private static let doctype = Array("<!DOCTYPE".utf8), entity = Array("<!ENTITY".utf8)
        private(set) var isUTF16 = false
        /// The line of the first declaration.
        private(set) var declarationLine: Int? = nil
        private var line = 1
        private var started = false
        /// The declaration the bytes since the last `<` still spell the start of, how many of its
        /// bytes they match (0: none), and that `<`'s line.
        private var candidate = RawScreen.doctype
        private var matched = 0
        private var matchLine = 1

        var stopped: Bool { isUTF16 || declarationLine != nil }

        /// Whether `bytes` (the next ones of the roster) may go on to libxml2.
        mutating func passes(_ bytes: UnsafeRawBufferPointer) -> Bool {
            guard !stopped else { return false }
            if !started && !bytes.isEmpty {
                started = true
                isUTF16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || (bytes.count > 1 && (bytes[0] == 0 || bytes[1] == 0))
                if isUTF16 { return false }
            }
            for b in bytes {
                if matched > 0 {
                    // Both begin `<!`; the third byte says which one it can still be.
                    if matched == 2 { candidate = b == Self.entity[2] ? Self.entity : Self.doctype }
                    if b == candidate[matched] {
                        matched += 1
                        if matched == candidate.count {
                            declarationLine = matchLine
                            return false
                        }
                    } else {
                        matched = 0
                    }
                }
                // A declaration starts only at a `<`, and none holds another.
                if matched == 0 && b == UInt8(ascii: "<") {
                    matched = 1
                    matchLine = line
                }
                if b == UInt8(ascii: "\n") { line += 1 }
            }
            return true
        }
    }
}
