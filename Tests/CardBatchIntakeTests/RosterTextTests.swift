import CardBatchIntake
import Testing

struct RosterTextTests {
    @Test func dropsAUTF8ByteOrderMark() {
        #expect(RosterText.decode([0xEF, 0xBB, 0xBF] + Array("a,b".utf8)) == .text("a,b", encoding: "UTF-8"))
    }

    @Test func decodesWhatExcelOnChineseWindowsSavesAsGB18030() {
        // "姓名,王芳" in GBK.
        #expect(RosterText.decode([0xD0, 0xD5, 0xC3, 0xFB, 0x2C, 0xCD, 0xF5, 0xB7, 0xBC]) == .text("姓名,王芳", encoding: "GB18030"))
    }

    @Test func refusesUTF16RatherThanGuessing() {
        guard case .refused(let reason) = RosterText.decode([0xFF, 0xFE, 0x61, 0x00]) else { Issue.record("accepted UTF-16"); return }
        #expect(reason.contains("UTF-16"))
    }
}
