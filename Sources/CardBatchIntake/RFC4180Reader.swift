/// One CSV record and the line it starts on (1-based).
public struct CSVRecord: Sendable, Equatable {
    public let fields: [String]
    public let line: Int
}

/// A CSV syntax error, with the line where it was noticed.
public struct CSVSyntaxError: Error, Sendable, Equatable {
    public let line: Int
    public let message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}

/// A strict RFC 4180 reader.
///
/// Written here rather than taken from a package because the CSV packages available to this build
/// (CSV.swift 2.5.2, SwiftCSV 0.10.0) accept malformed input silently: an unclosed quote swallows
/// the rest of the file as one cell, a stray quote is kept as data, and neither reports line
/// numbers. A roster error must name its line, and a malformed file must be refused, not guessed.
///
/// Accepts CRLF, LF and lone CR line ends; quoted fields may hold commas, quotes (doubled) and line
/// breaks. Refuses a quote inside an unquoted field, text after a closing quote, and an unclosed quote.
public enum RFC4180Reader {
    /// Every record, in order. For large files prefer `forEachRecord`, which holds one at a time.
    public static func records(in text: String, delimiter: Unicode.Scalar = ",") throws(CSVSyntaxError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        try forEachRecord(in: text, delimiter: delimiter) { records.append($0) }
        return records
    }

    /// Hands each record to `body` as soon as it is complete, so memory holds one record at a time.
    public static func forEachRecord(in text: String, delimiter: Unicode.Scalar = ",", _ body: (CSVRecord) -> Void) throws(CSVSyntaxError) {
        try forEachRecord(of: text.unicodeScalars, delimiter: delimiter, body)
    }

    /// Like `forEachRecord(in:)`, over a roster's text where it lies (see `RosterText.Body`).
    public static func forEachRecord(in text: RosterText.Body, delimiter: Unicode.Scalar = ",", _ body: (CSVRecord) -> Void) throws(CSVSyntaxError) {
        try forEachRecord(of: text.scalars, delimiter: delimiter, body)
    }

    static func forEachRecord(of text: some Sequence<Unicode.Scalar>, delimiter: Unicode.Scalar, _ body: (CSVRecord) -> Void) throws(CSVSyntaxError) {
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var quoted = false          // inside a quoted field
        var afterClosingQuote = false
        var fieldStarted = false    // the current record has any content
        var quoteOpenedOnLine = 0

        var scalars = text.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return scalars.next()
        }

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            afterClosingQuote = false
        }
        func endRecord() {
            endField()
            body(CSVRecord(fields: fields, line: recordLine))
            fields = []
            fieldStarted = false
        }

        while let c = next() {
            if quoted {
                if c == "\"" {
                    let following = next()
                    if following == "\"" {
                        field.append("\"")
                    } else {
                        quoted = false
                        afterClosingQuote = true
                        pending = following
                    }
                } else {
                    if c == "\n" || (c == "\r") { line += 1 }
                    if c == "\r" {
                        // CRLF inside a quoted field is one line break.
                        let following = next()
                        if following == "\n" { field.append("\r"); field.append("\n"); continue }
                        pending = following
                    }
                    field.append(c)
                }
                continue
            }
            switch c {
            case delimiter:
                fieldStarted = true
                endField()
            case "\r", "\n":
                if c == "\r" {
                    let following = next()
                    if following != "\n" { pending = following }
                }
                if fieldStarted || !field.isEmpty || !fields.isEmpty || afterClosingQuote {
                    endRecord()
                }
                line += 1
                recordLine = line
            case "\"":
                if afterClosingQuote {
                    throw CSVSyntaxError(line: line, message: "a quote follows the closing quote of a field; write a literal quote inside a quoted field as two quotes (\"\")")
                }
                guard field.isEmpty else {
                    throw CSVSyntaxError(line: line, message: "a quote appears inside an unquoted field; enclose the whole field in quotes and double the inner quote")
                }
                quoted = true
                fieldStarted = true
                quoteOpenedOnLine = line
            default:
                if afterClosingQuote {
                    throw CSVSyntaxError(line: line, message: "text follows the closing quote of a field; a quoted field must end at a comma or a line end")
                }
                fieldStarted = true
                field.append(c)
            }
        }
        if quoted {
            throw CSVSyntaxError(line: quoteOpenedOnLine, message: "a quoted field opened on this line is never closed")
        }
        if fieldStarted || !field.isEmpty || !fields.isEmpty || afterClosingQuote { endRecord() }
    }
}
