import CardBatchNative
import CardBatchSamples
import CardBatchTestSupport
import Foundation
import Testing

struct TextAndHashTests {
    @Test func decodesAndEncodesGB18030WithIconv() {
        #expect(GB18030.decode([0xD5, 0xC5, 0xC8, 0xFD]) == "张三")
        #expect(GB18030.encode("张三") == [0xD5, 0xC5, 0xC8, 0xFD])
        #expect(GB18030.decode([0x81]) == nil)
    }

    @Test func sha256MatchesTheFIPSTestVector() {
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
