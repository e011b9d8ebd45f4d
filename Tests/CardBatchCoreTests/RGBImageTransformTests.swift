import CardBatchCore
import Testing

struct RGBImageTransformTests {
    @Test func orientationsTurnTheStoredImageIntoTheDisplayedOne() {
        // Stored 2 × 1 [A B]; orientation 6 shows it turned clockwise: A above B.
        let stored = RGBImage(width: 2, height: 1, pixels: [1, 1, 1, 2, 2, 2])
        #expect(stored.applyingOrientation(6) == RGBImage(width: 1, height: 2, pixels: [1, 1, 1, 2, 2, 2]))
        #expect(stored.applyingOrientation(8) == RGBImage(width: 1, height: 2, pixels: [2, 2, 2, 1, 1, 1]))
        let img = RGBImage(width: 3, height: 2, pixels: Array(0..<18).map(UInt8.init))
        for (a, b) in [(6, 8), (8, 6), (3, 3), (2, 2), (4, 4), (5, 5), (7, 7)] {
            #expect(img.applyingOrientation(a).applyingOrientation(b) == img, "\(a) then \(b)")
        }
    }
}

/// The quarter image the pixel checks measure: each pixel the rounded mean of a 2 × 2 block.
struct HalvedImageTests {
    @Test func eachPixelIsTheRoundedMeanOfItsBlockAndAnOddEdgeIsDropped() {
        for (width, height) in [(7, 5), (2, 2), (1, 9), (9, 1), (90, 111)] {
            let pixels = (0..<(width * height * 3)).map { UInt8(truncatingIfNeeded: $0 &* 97 &+ $0 / 7) }
            let image = RGBImage(width: width, height: height, pixels: pixels)
            let half = image.halved()
            #expect(half.width == width / 2 && half.height == height / 2)
            for y in 0..<half.height {
                for x in 0..<half.width {
                    for c in 0..<3 {
                        let at = { (px: Int, py: Int) in Int(pixels[(py * width + px) * 3 + c]) }
                        let sum = at(2 * x, 2 * y) + at(2 * x + 1, 2 * y) + at(2 * x, 2 * y + 1) + at(2 * x + 1, 2 * y + 1)
                        #expect(Int(half.pixels[(y * half.width + x) * 3 + c]) == (sum + 2) / 4, "(\(x), \(y)) channel \(c) of \(width) × \(height)")
                    }
                }
            }
        }
    }
}
