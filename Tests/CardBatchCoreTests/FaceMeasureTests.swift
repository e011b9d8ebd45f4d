@testable import CardBatchCore
import Testing
import Foundation

/// The face stage's arithmetic on plain images: blur, grain and the head-top search.
struct FaceMeasureTests {
    /// A 120 × 120 grey image with a sharp-edged checkerboard (12 px squares) and `noise` σ of
    /// deterministic pseudo-random noise, smoothed by `blur` passes of a 3-tap average.
    static func pattern(noise: Double = 0, blur: Int = 0) -> FaceMeasure.Luma {
        let size = 120
        var values = (0..<(size * size)).map { i -> Double in ((i % size) / 12 + (i / size) / 12) % 2 == 0 ? 80 : 170 }
        for _ in 0..<blur {
            var next = values
            for y in 1..<(size - 1) {
                for x in 1..<(size - 1) {
                    next[y * size + x] = (values[y * size + x - 1] + values[y * size + x] + values[y * size + x + 1]
                        + values[(y - 1) * size + x] + values[(y + 1) * size + x]) / 5
                }
            }
            values = next
        }
        var state: UInt64 = 42
        for i in values.indices where noise > 0 {
            var sum = 0.0
            for _ in 0..<12 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                sum += Double(state >> 11) / Double(1 << 53)
            }
            values[i] += (sum - 6) * noise
        }
        return FaceMeasure.Luma(width: size, height: size, values: values)
    }

    @Test func immerkaersEstimateFindsTheNoiseItIsGivenAndNoneInAFlatImage() {
        #expect(FaceMeasure.grain(FaceMeasure.Luma(width: 60, height: 60, values: Array(repeating: 120, count: 3600))) == 0)
        let estimate = FaceMeasure.grain(Self.pattern(noise: 8))
        #expect(abs(estimate - 8) < 1.5, "estimated σ \(estimate) for σ 8")
    }

    @Test func theBlurRatioRisesWithBlurAndGrainDoesNotLowerItBelowTheSharpImage() {
        let region = (10, 10, 110, 110)
        let sharp = FaceMeasure.blurRatio(Self.pattern(), region: region, noise: 0)
        let blurred = FaceMeasure.blurRatio(Self.pattern(blur: 4), region: region, noise: 0)
        #expect(sharp < blurred, "sharp \(sharp), blurred \(blurred)")
        let grainy = Self.pattern(noise: 10, blur: 4)
        let compensated = FaceMeasure.blurRatio(grainy, region: region, noise: FaceMeasure.grain(grainy))
        let naive = FaceMeasure.blurRatio(grainy, region: region, noise: 0)
        // Without taking the grain out, the blurred picture would look sharper than it is.
        #expect(naive < compensated && compensated > sharp, "naive \(naive), compensated \(compensated), sharp \(sharp)")
    }

    @Test func theHeadTopIsTheFirstRowsThatDifferFromTheBackdrop() {
        let width = 60, height = 80
        var pixels = [UInt8](repeating: 250, count: width * height * 3)
        for y in 17..<height { for x in 20..<40 { for c in 0..<3 { pixels[(y * width + x) * 3 + c] = 60 } } }
        let image = RGBImage(width: width, height: height, pixels: pixels)
        #expect(FaceMeasure.headTop(image, centre: 30, halfWidth: 6, above: 60, background: FaceMeasure.backgroundColour(image), threshold: 3) == 17)
    }

    @Test func noFaceMeansNoGeometryAndTheBlurOfTheMiddle() {
        let image = RGBImage(width: 40, height: 50, pixels: [UInt8](repeating: 200, count: 40 * 50 * 3))
        let m = FaceMeasure.measure(image, scale: 2, faces: [], count: 0, fullWidth: 80, fullHeight: 100)
        #expect(m.faceCount == 0 && m.geometry == nil && m.grain == 0)
    }
}

/// The exact selection that replaced a sort for the pixel measures' percentile, and the Gaussian
/// computed tap by tap over rows.
struct MeasureArithmeticTests {
    @Test func selectionGivesTheSortedArraysValueAtEveryRankWithDuplicatesAndRuns() {
        var state: UInt64 = 7
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 40 % 64)
        }
        let arrays: [[Double]] = [
            [5], [2, 1], [3, 3, 3, 3], Array(stride(from: 0.0, to: 50, by: 1)), Array(stride(from: 50.0, to: 0, by: -1)),
            (0..<200).map { _ in next() }, (0..<201).map { _ in (next() * 4).rounded() / 4 },
        ]
        for values in arrays {
            let sorted = values.sorted()
            for k in values.indices {
                var copy = values
                #expect(PhotoMeasure.select(&copy, k) == sorted[k], "rank \(k) of \(values.count)")
            }
        }
    }

    @Test func emptyPicturesGiveEmptyLumaAndSmoothingInsteadOfATrap() {
        #expect(FaceMeasure.Luma(RGBImage(width: 0, height: 0, pixels: [])).values.isEmpty)
        #expect(FaceMeasure.gaussian(FaceMeasure.Luma(width: 0, height: 5, values: []), sigma: 0.7).values.isEmpty)
        #expect(FaceMeasure.grain(FaceMeasure.Luma(width: 0, height: 0, values: [])) == 0)
    }

    @Test func theGaussianSumsEachPixelsTapsLikeTheDirectFormulaWithClampedEdges() {
        // A picture wider than the kernels, and one narrower than them (every tap clamps somewhere).
        let narrow = FaceMeasure.Luma(width: 3, height: 4, values: (0..<12).map { Double($0 * $0 % 7) * 30 })
        let cases = [(FaceMeasureTests.pattern(noise: 9), [(0, 0), (1, 5), (60, 60), (119, 119), (118, 3)]),
                     (narrow, [(0, 0), (1, 1), (2, 3), (2, 0)])]
        func clamp(_ v: Int, _ n: Int) -> Int { min(max(v, 0), n - 1) }
        for (image, points) in cases {
            for sigma in [0.7, 1.4] {
                let smoothed = FaceMeasure.gaussian(image, sigma: sigma)
                let radius = Int((3 * sigma).rounded(.up))
                var kernel = (-radius...radius).map { exp(-Double($0 * $0) / (2 * sigma * sigma)) }
                let total = kernel.reduce(0, +)
                kernel = kernel.map { $0 / total }
                for (x, y) in points {
                    var expected = 0.0
                    for (i, wy) in kernel.enumerated() {
                        var across = 0.0
                        for (j, wx) in kernel.enumerated() { across += wx * image[clamp(x + j - radius, image.width), clamp(y + i - radius, image.height)] }
                        expected += wy * across
                    }
                    #expect(abs(smoothed[x, y] - expected) < 1e-9, "σ \(sigma) at (\(x), \(y)) of \(image.width) × \(image.height)")
                }
            }
        }
    }
}
