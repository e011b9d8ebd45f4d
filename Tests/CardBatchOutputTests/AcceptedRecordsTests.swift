import CardBatchCore
import CardBatchNative
import CardBatchOutput
import CardBatchPipeline
import CardBatchSamples
import CardBatchTestSupport
import Foundation
import Testing

struct AcceptedRecordsTests {
    @Test(arguments: ["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx"])
    func formulaLikeCellsAreNeutralised(_ value: String) {
        #expect(CSVCell.neutralised(value) == "'" + value)
    }

    @Test func ordinaryCellsAreLeftAloneAndSpecialOnesQuoted() {
        #expect(CSVCell.neutralised("O'BRIEN") == "O'BRIEN")
        #expect(CSVCell.row(["a,b", "say \"hi\"", "x"]) == "\"a,b\",\"say \"\"hi\"\"\",x\r\n")
    }

    /// A CR LF pair is one `Character` in Swift, equal neither to CR nor to LF, and a minus with a
    /// combining mark is one `Character` that is not "-": the cells are judged by their bytes.
    @Test func aLineBreakPairIsQuotedAndAMinusWithACombiningMarkNeutralised() {
        #expect(CSVCell.row(["a\r\nb", "\u{4E2D}\u{6587}"]) == "\"a\r\nb\",\u{4E2D}\u{6587}\r\n")
        #expect(CSVCell.neutralised("-\u{301}1") == "'-\u{301}1")
        #expect(CSVCell.row(["\r\n=1"]) == "\"'\r\n=1\"\r\n")
    }

    @Test func recordKeysAreStablePerPassportAndDifferBetweenStates() {
        #expect(RecordKey.make(nationality: "FRA", passportNumber: "19AB12345") == RecordKey.make(nationality: "FRA", passportNumber: "19AB12345"))
        #expect(RecordKey.make(nationality: "FRA", passportNumber: "19AB12345") != RecordKey.make(nationality: "BEL", passportNumber: "19AB12345"))
        #expect(RecordKey.make(nationality: "FRA", passportNumber: "19AB12345").hasPrefix("FRA-"))
    }
}
