import CardBatchNative
import CardBatchSamples
import CardBatchTestSupport
import Testing

struct EXIFTests {
    @Test func writesAndReadsBackOrientationAndDateTakenThroughLibexif() throws {
        let tagged = EXIF.inserting(into: Fixtures.photo(1), orientation: 6, dateTimeOriginal: "2026:09:14 10:31:07")
        #expect(EXIF.read(tagged) == EXIFFacts(orientation: 6, dateTimeOriginal: "2026:09:14 10:31:07"))
        // Still a JPEG that decodes completely.
        #expect(try tagged.withUnsafeBytes { try JPEGDecoder().validate($0) }.width == 358)
        #expect(EXIF.inserting(into: Fixtures.photo(1), orientation: 6, dateTimeOriginal: "2026:09:14 10:31:07") == tagged)
    }

    @Test func aPhotoWithoutEXIFHasNoFacts() {
        #expect(EXIF.read(SamplePhotos.tooSmall(seed: 2)) == nil)
    }
}
