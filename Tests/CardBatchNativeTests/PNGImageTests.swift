import CardBatchNative
import CardBatchSamples
import Testing

struct PNGImageTests {
    @Test func readsTheSizeOfAPNGThatDecodesCompletely() throws {
        let png = DocumentWriters.png(width: 40, height: 30, rgb: [UInt8](repeating: 200, count: 40 * 30 * 3))
        let size = try PNGImage.validate(png)
        #expect(size.width == 40 && size.height == 30)
    }

    @Test func aTruncatedPNGIsRefusedWithLibpngsMessage() {
        let png = DocumentWriters.png(width: 40, height: 30, rgb: [UInt8](repeating: 200, count: 40 * 30 * 3))
        do {
            _ = try PNGImage.validate(Array(png.prefix(png.count / 2)))
            Issue.record("decoded a truncated PNG")
        } catch {
            #expect(!error.message.isEmpty)
        }
    }
}
