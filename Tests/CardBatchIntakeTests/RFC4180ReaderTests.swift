import CardBatchIntake
import Testing

struct RFC4180ReaderTests {
    @Test func readsQuotedCommasDoubledQuotesAndLineBreaksAndKeepsLineNumbers() throws {
        let text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n1,2,3\n"
        let records = try RFC4180Reader.records(in: text)
        #expect(records.map(\.fields) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\r\nlines"], ["1", "2", "3"]])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func acceptsLFAndLoneCRLineEndsAndAMissingFinalLineEnd() throws {
        #expect(try RFC4180Reader.records(in: "a,b\nc,d").map(\.fields) == [["a", "b"], ["c", "d"]])
        #expect(try RFC4180Reader.records(in: "a,b\rc,d\r").map(\.fields) == [["a", "b"], ["c", "d"]])
        #expect(try RFC4180Reader.records(in: "a,\n").map(\.fields) == [["a", ""]])
    }

    @Test func refusesAnUnclosedQuoteAndNamesTheLineWhereItOpened() {
        #expect(throws: CSVSyntaxError(line: 2, message: "a quoted field opened on this line is never closed")) {
            try RFC4180Reader.records(in: "a,b\n\"open,x\ny,z\n")
        }
    }

    @Test func refusesAStrayQuoteInAnUnquotedFieldAndTextAfterAClosingQuote() {
        #expect(throws: CSVSyntaxError.self) { try RFC4180Reader.records(in: "a,b\"c\n") }
        #expect(throws: CSVSyntaxError.self) { try RFC4180Reader.records(in: "\"a\"b,c\n") }
    }
}
