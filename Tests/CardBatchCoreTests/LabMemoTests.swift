@testable import CardBatchCore
import Testing

/// The colour-conversion memo must be invisible: every lookup, hit or miss, gives exactly what
/// `PhotoMeasure.lab` gives.
struct LabMemoTests {
    @Test func everyLookupEqualsTheConversionBitForBitThroughHitsMissesAndEvictions() {
        let memo = LabMemo()
        // Every 5th level of each channel (52³ colours, far more than the memo's 2,048 slots, so slots
        // are taken over again and again), once whole and once with fractional channels (the conversion takes their whole part).
        for pass in 0..<2 {
            for r in stride(from: 0.0, through: 255, by: 5) {
                for g in stride(from: 0.0, through: 255, by: 5) {
                    for b in stride(from: 0.0, through: 255, by: 5) {
                        let (rr, gg, bb) = (r + 0.25 * Double(pass), g + 0.5 * Double(pass), b + 0.75 * Double(pass))
                        let expected = PhotoMeasure.lab(rr, gg, bb), got = memo.lab(rr, gg, bb)
                        #expect(got.l.bitPattern == expected.l.bitPattern && got.a.bitPattern == expected.a.bitPattern
                                && got.b.bitPattern == expected.b.bitPattern, "(\(rr), \(gg), \(bb))")
                    }
                }
            }
        }
    }

    @Test func labPixelsGiveEachPixelsConversion() {
        let image = RGBImage(width: 7, height: 5, pixels: (0..<(7 * 5 * 3)).map { UInt8(($0 * 37) % 256) })
        let labs = PhotoMeasure.LabPixels(image)
        for y in 0..<5 {
            for x in 0..<7 {
                let (r, g, b) = image.rgb(x, y)
                let expected = PhotoMeasure.lab(r, g, b)
                for _ in 0..<2 {
                    let got = labs[x, y]
                    #expect(got.l == expected.l && got.a == expected.a && got.b == expected.b)
                }
            }
        }
    }
}
