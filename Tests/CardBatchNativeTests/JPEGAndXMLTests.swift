import CardBatchNative
import CardBatchSamples
import CardBatchTestSupport
import Testing

struct JPEGDecoderTests {
    @Test func readsSizeAndColourOfARealJPEG() throws {
        let header = try Fixtures.photo(1).withUnsafeBytes { try JPEGDecoder().validate($0) }
        #expect(header.width == 358 && header.height == 441)
        #expect(header.components == 3)
    }

    @Test func reportsGreyscaleAsOneComponent() throws {
        let header = try SamplePhotos.greyscale(seed: 3).withUnsafeBytes { try JPEGDecoder().validate($0) }
        #expect(header.components == 1 && header.colorspace == "Gray")
    }

    @Test func aTruncatedJPEGFailsTheFullDecodeThoughItsHeaderReads() throws {
        let cut = SamplePhotos.truncated(seed: 4)
        let decoder = JPEGDecoder()
        #expect(try cut.withUnsafeBytes { try decoder.header($0) }.width == 358)
        #expect(throws: JPEGError.self) { try cut.withUnsafeBytes { try decoder.validate($0) } }
    }

    @Test func aPhotoCutBeforeItsFirstScanIsRefusedAtTheHeader() {
        let cut = SamplePhotos.cutBeforeScan(seed: 4)
        #expect(cut.count > 400 && cut.count < 1_000)
        #expect(throws: JPEGError.self) { try cut.withUnsafeBytes { try JPEGDecoder().header($0) } }
        #expect(throws: JPEGError.self) { try cut.withUnsafeBytes { try JPEGDecoder().decodeRGB($0, scale: 2) } }
    }

    /// libjpeg-turbo 2.1 leaves a handle whose header read failed half-way through that header; the
    /// next header call on it "succeeded" with no width or height, and the decode that followed wrote
    /// a full-size image into an empty buffer (the SIGSEGV of the mutation campaign). One decoder now
    /// reads good, damaged, damaged and good photos in turn, each exactly as a fresh decoder does.
    @Test func aDecoderThatFailedOnADamagedPhotoDecodesTheNextPhotosExactlyAsAFreshOne() throws {
        let good = [Fixtures.photo(1), Fixtures.photo(2)]
        let damaged = [SamplePhotos.cutBeforeScan(seed: 4), SamplePhotos.truncated(seed: 5), [0xFF, 0xD8, 0xFF, 0xD9]]
        let decoder = JPEGDecoder()
        for photo in [good[0]] + damaged + damaged.reversed() + [good[1], good[0]] {
            let fresh = try? photo.withUnsafeBytes { try JPEGDecoder().decodeRGB($0, scale: 2) }
            let reused = try? photo.withUnsafeBytes { try decoder.decodeRGB($0, scale: 2) }
            #expect(reused?.rgb == fresh?.rgb && reused?.width == fresh?.width && reused?.height == fresh?.height)
            #expect((fresh == nil) == damaged.contains(photo))
            if let fresh { #expect(fresh.width == 179 && fresh.height == 221 && fresh.rgb?.count == 179 * 221 * 3) }
        }
    }

    @Test func aPNGIsNotAJPEG() {
        #expect(throws: JPEGError.self) { try SamplePhotos.png(seed: 5).withUnsafeBytes { try JPEGDecoder().validate($0) } }
    }
}

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
