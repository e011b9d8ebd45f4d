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

    @Test func utf8IsReadInPlaceScalarByScalarWithoutACopy() throws {
        let text = "name,city\r\nJosé,北京 😀\r\n"
        let bytes = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        guard case .text(let body, "UTF-8") = RosterText.decode(bytes) else { Issue.record("not read as UTF-8"); return }
        guard case .utf8(let kept, let start) = body else { Issue.record("decoded into a copy"); return }
        #expect(kept == bytes && start == 3)
        #expect(String(String.UnicodeScalarView(body.scalars)) == text)
        #expect(try RFC4180Reader.records(in: text).map(\.fields) == {
            var fields: [[String]] = []
            try RFC4180Reader.forEachRecord(in: body) { fields.append($0.fields) }
            return fields
        }())
    }

    @Test func bytesThatStopBeingUTF8AreNotTakenForIt() {
        // An overlong "/" (C0 AF) is not UTF-8; as GBK it is one character.
        guard case .text(let body, let encoding) = RosterText.decode(Array("a,".utf8) + [0xC0, 0xAF]) else { Issue.record("refused"); return }
        #expect(encoding == "GB18030")
        #expect(body == "a,蜡")
        // A sequence cut off at the end of the file is not UTF-8 either.
        guard case .text(_, let cut) = RosterText.decode(Array("a,".utf8) + [0xE7, 0x8E]) else { Issue.record("refused"); return }
        #expect(cut == "GB18030")
    }
}
