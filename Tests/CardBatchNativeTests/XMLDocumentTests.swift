import CardBatchNative
import CardBatchSamples
import CardBatchTestSupport
import Testing

struct XMLDocumentTests {
    @Test func aMalformedDocumentReportsLibxml2sMessageAndLine() {
        do {
            _ = try XMLDocument(bytes: Array("<a>\n<b>\n</a>".utf8), name: "t.xml")
            Issue.record("parsed a malformed document")
        } catch {
            #expect(error.diagnostics.first?.line == 3, "\(error)")
            #expect(error.diagnostics.first?.message.contains("mismatch") == true, "\(error)")
        }
    }

    @Test func externalEntitiesAreNeverLoadedOrExpanded() throws {
        let xml = "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>"
        let document = try XMLDocument(bytes: Array(xml.utf8), name: "t.xml")
        #expect(document.hasDoctype)
        #expect(!(document.root?.text.contains("root:") ?? true))
    }

    @Test func schemaValidationReportsEveryErrorWithItsLine() throws {
        let xsd = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="a"><xs:complexType><xs:sequence>
        <xs:element name="b" type="xs:int" maxOccurs="unbounded"/></xs:sequence></xs:complexType></xs:element></xs:schema>
        """
        let schema = try XMLSchema(xsd: Array(xsd.utf8))
        let document = try XMLDocument(bytes: Array("<a>\n<b>1</b>\n<b>x</b>\n<c/>\n</a>".utf8), name: "t.xml")
        let diagnostics = schema.validate(document)
        #expect(diagnostics.map(\.line) == [3, 4])
        #expect(diagnostics[0].message.contains("'x' is not a valid value"))
    }
}
