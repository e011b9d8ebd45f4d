import CardBatchSamples
import Testing

/// The photo checks on the calibration set: every clean portrait (skin tones, hair, clothing, noise,
/// backdrop shades) passes, and every kind of defect is caught by its own rule.
struct CalibrationTests {
    @Test func cleanPhotosPassAndEveryDefectIsCaughtByItsRule() {
        let rows = CalibrationReport.evaluate(CalibrationSet.build(cleanCount: 18))
        let falseRejections = rows.filter { $0.item.expectedRule == nil && !$0.fired.isEmpty }.map { "\($0.item.label): \($0.fired)" }
        let missed = rows.filter { row in row.item.expectedRule.map { !row.fired.contains($0) } ?? false }.map(\.item.label)
        #expect(falseRejections == [])
        #expect(missed == [])
        #expect(rows.filter { $0.item.expectedRule != nil }.count == 36)
    }
}
