import CardBatchCore
import CardBatchIntake
import CardBatchSamples
import Testing

/// The face checks on the face calibration set (real people on white backdrops, made from the
/// public-domain cut-outs of samples/faces/): every control passes the face rules, and every kind of
/// face defect is caught by its own rule. Thresholds are the configuration's defaults.
struct FaceCalibrationTests {
    static let rows = CalibrationReport.evaluate(FaceCalibrationSet.build(cleanCount: 24), configuration: FaceCalibrationSet.configuration,
                                                 rules: FaceCalibrationSet.rules)

    @Test func everyControlPassesTheFaceRules() {
        let controls = Self.rows.filter { $0.item.expectedRule == nil }
        #expect(controls.count == 24)
        #expect(controls.filter { !$0.fired.isEmpty }.map { "\($0.item.label): \($0.fired)" } == [])
        // Each control really had its face found and measured.
        #expect(controls.allSatisfy { $0.face?.faceCount == 1 && $0.face?.geometry != nil })
    }

    @Test func everyFaceDefectIsCaughtByItsOwnRule() {
        let defects = Self.rows.filter { $0.item.expectedRule != nil }
        #expect(defects.count == FaceCalibrationSet.defects.count * 3)
        let missed = defects.filter { !$0.fired.contains($0.item.expectedRule!) }.map { "\($0.item.label): \($0.fired)" }
        #expect(missed == [])
    }

    @Test func blurIsToldFromGrainAndGrainFromBlur() {
        func rows(_ prefix: String) -> [CalibrationReport.Row] { Self.rows.filter { $0.item.label.hasPrefix(prefix) } }
        // Grain alone warns and never reads as blur; blur under grain is refused for blur.
        #expect(rows("sharp + grain").allSatisfy { !$0.fired.contains("photo.sharpness") && $0.fired.contains("photo.grain") })
        #expect(rows("blurred σ 2.5 + grain").allSatisfy { $0.fired.contains("photo.sharpness") })
        let controls = Self.rows.filter { $0.item.expectedRule == nil }.compactMap { $0.face?.blurRatio }
        let blurred = rows("blurred").compactMap { $0.face?.blurRatio }
        #expect((controls.max() ?? 1) < (blurred.min() ?? 0), "the controls' blur ratios stay below every blurred photo's")
    }
}
