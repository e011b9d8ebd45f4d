import CardBatchNative
import Testing

/// The streaming reader against real libxml2: what it visits, what it reports, and that a skipped
/// subtree is not entered.
struct XMLStreamTests {
    static let xsd = """
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="a"><xs:complexType><xs:sequence>
    <xs:element name="b" maxOccurs="unbounded"><xs:complexType><xs:sequence><xs:element name="c" type="xs:int"/></xs:sequence>
    <xs:attribute name="k" type="xs:string"/></xs:complexType></xs:element></xs:sequence></xs:complexType></xs:element></xs:schema>
    """

    func read(_ xml: String, _ visit: (XMLStreamElement) -> XMLStream.Step = { _ in .descend }) throws -> XMLStream.Outcome {
        XMLStream.read(bytes: Array(xml.utf8), name: "t.xml", schema: try XMLSchema(xsd: Array(Self.xsd.utf8)), visit)
    }

    @Test func aSkippedElementIsExpandedWholeAndItsChildrenAreNotVisited() throws {
        var visited: [String] = []
        var values: [String] = []
        let outcome = try read("<a>\n<b k=\"one\"><c>1</c></b>\n<b k=\"two\">\n<c>2</c></b>\n</a>") { element in
            visited.append("\(element.name)@\(element.depth):\(element.line ?? 0)")
            guard element.name == "b", let b = element.expand() else { return .descend }
            values.append("\(b.attribute("k") ?? "-")=\(b.child("c")?.text ?? "-")")
            return .skip
        }
        #expect(visited == ["a@0:1", "b@1:2", "b@1:3"])
        #expect(values == ["one=1", "two=2"])
        #expect(outcome.syntaxError == nil && outcome.validityErrors.isEmpty && !outcome.hasDoctype)
    }

    @Test func everyValidityErrorIsReportedWithItsLineAndTheReadingGoesOn() throws {
        var elements = 0
        let outcome = try read("<a>\n<b><c>x</c></b>\n<b><c>2</c><d/></b>\n<b><c>3</c></b>\n</a>") { _ in elements += 1; return .descend }
        #expect(outcome.syntaxError == nil)
        #expect(outcome.validityErrors.map(\.line) == [2, 3])
        #expect(outcome.validityErrors.allSatisfy { $0.isValidity })
        #expect(outcome.validityErrors[0].message.contains("'x' is not a valid value"))
        #expect(elements == 8)
    }

    /// A document that is not well-formed is a syntax error, whatever validity errors came before it.
    @Test func aWellFormednessErrorStopsTheReadingAndNamesItsLine() throws {
        let outcome = try read("<a>\n<b><c>x</c></b>\n<b>\n</a>\n")
        #expect(outcome.syntaxError?.line == 4)
        #expect(outcome.syntaxError?.message.contains("mismatch") == true)
        #expect(outcome.syntaxError?.isValidity == false)
    }

    @Test func aDoctypeIsNotedAndItsEntityNeverExpanded() throws {
        var text = ""
        let outcome = try read("<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a><b><c>&x;</c></b></a>") { element in
            if element.name == "c" { text = element.expand()?.text ?? "" }
            return .descend
        }
        #expect(outcome.hasDoctype)
        #expect(!text.contains("root:"))
    }

    @Test func anEmptyDocumentIsASyntaxError() throws {
        let outcome = try read("")
        #expect(outcome.syntaxError != nil)
    }
}
