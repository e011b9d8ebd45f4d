import CardBatchNative
import CardBatchTestSupport
import Foundation
import Testing

/// What each wrapper does with zero bytes: a clear refusal or "nothing there", never a crash or a
/// read through a null pointer (an empty Swift array may have no storage).
struct EmptyInputTests {
    @Test func theJPEGDecoderRefusesAnEmptyFile() {
        #expect(throws: JPEGError.self) { try [UInt8]().withUnsafeBytes { try JPEGDecoder().header($0) } }
        #expect(throws: JPEGError.self) { try [UInt8]().withUnsafeBytes { try JPEGDecoder().decodeRGB($0, scale: 2) } }
    }

    @Test func jpegHeadersAndEXIFOfNothingAreAbsent() {
        #expect(JPEGInfo.read([]) == nil)
        #expect(EXIF.read([]) == nil)
        #expect(JPEGInfo.read([0xFF, 0xD8, 0xFF]) == nil)
        #expect(EXIF.read([0xFF, 0xD8, 0xFF]) == nil)
    }

    @Test func pngAndPDFRefuseAnEmptyFile() {
        #expect(throws: PNGError.self) { try PNGImage.validate([]) }
        #expect(throws: PDFError.self) { try PDFDocument(bytes: [], name: "empty.pdf") }
    }

    @Test func libzipRefusesAnEmptyFileAndXMLAnEmptyDocument() throws {
        let dir = TemporaryDirectory()
        #expect(FileManager.default.createFile(atPath: dir.file("empty.zip"), contents: Data()))
        #expect(throws: ZipError.self) { try ZipArchive(path: dir.file("empty.zip")) }
        #expect(throws: XMLParseError.self) { try XMLDocument(bytes: [], name: "roster.xml") }
    }

    @Test func textAndDigestsOfNothingAreEmptyNotAnError() {
        #expect(GB18030.decode([]) == "")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
