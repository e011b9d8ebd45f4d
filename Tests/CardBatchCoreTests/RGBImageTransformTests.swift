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
