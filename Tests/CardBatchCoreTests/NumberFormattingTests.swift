import CardBatchCore
import Testing

struct NumberFormattingTests {
    @Test func byteCountsArePrintedWithThousandsSeparators() {
        #expect(40_960.grouped == "40,960")
        #expect(100_000.grouped == "100,000")
        #expect(999.grouped == "999")
        #expect(1_234_567.grouped == "1,234,567")
    }
}
