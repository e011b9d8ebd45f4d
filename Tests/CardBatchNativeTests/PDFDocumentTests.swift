import CardBatchNative
import CardBatchSamples
import Testing

struct PDFDocumentTests {
    @Test func countsPagesOfARealPDF() throws {
        #expect(try PDFDocument(bytes: DocumentWriters.pdf(text: "x"), name: "a.pdf").pageCount() == 1)
        #expect(try PDFDocument(bytes: DocumentWriters.pdf(text: "x", pages: 0), name: "a.pdf").pageCount() == 0)
    }

    @Test func aPasswordProtectedPDFIsRecognisedAsSuch() throws {
        let locked = try PDFDocument.encrypted(DocumentWriters.pdf(text: "x"), userPassword: "secret", ownerPassword: "owner")
        do {
            _ = try PDFDocument(bytes: locked, name: "locked.pdf")
            Issue.record("opened a PDF that needs a password")
        } catch {
            #expect(error.needsPassword)
        }
        let restricted = try PDFDocument.encrypted(DocumentWriters.pdf(text: "x"), userPassword: "", ownerPassword: "owner")
        #expect(try PDFDocument(bytes: restricted, name: "r.pdf").isEncrypted)
    }

    @Test func aTruncatedPDFIsAnErrorNotSilentlyRepaired() {
        let cut = Array(DocumentWriters.pdf(text: "x").dropLast(60))
        #expect(throws: PDFError.self) { _ = try PDFDocument(bytes: cut, name: "cut.pdf").pageCount() }
    }
}
