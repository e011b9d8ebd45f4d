import CardBatchCore
import CardBatchNative
import CardBatchPipeline
import Testing

struct PhotoFixerTests {
    /// Wider than the decoder decodes: refused for its size, not mistaken for a CMYK photo.
    @Test func aPhotoWiderThanTheDecoderDecodesIsRefusedForItsSize() throws {
        let jpeg = try JPEGEncoder().encode([UInt8](repeating: 200, count: 8_193 * 8 * 3), width: 8_193, height: 8, quality: 80)
        do {
            _ = try PhotoFixer.fix(jpeg)
            Issue.record("fixed a photo it cannot decode")
        } catch {
            #expect(error.reason.en == "it is 8193 × 8 pixels, larger than the 8192 × 8192 this tool decodes; export a smaller copy")
        }
    }
}
