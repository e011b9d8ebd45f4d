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

    @Test func recordKeysAreStablePerPassportAndDifferBetweenStates() {
        #expect(RecordKey.make(nationality: "FRA", passportNumber: "19AB12345") == RecordKey.make(nationality: "FRA", passportNumber: "19AB12345"))
        #expect(RecordKey.make(nationality: "FRA", passportNumber: "19AB12345") != RecordKey.make(nationality: "BEL", passportNumber: "19AB12345"))
        #expect(RecordKey.make(nationality: "FRA", passportNumber: "19AB12345").hasPrefix("FRA-"))
    }
}
