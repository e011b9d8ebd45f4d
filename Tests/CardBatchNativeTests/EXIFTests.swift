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

    /// An Orientation entry whose count says zero values has no data to read: it is absent, not
    /// read past its end. (libexif 0.6 already drops such an entry on load; the wrapper checks the
    /// size against the format again, so another libexif cannot make it read past the data.)
    @Test func anOrientationEntryWithNoValuesIsTreatedAsAbsent() throws {
        var tagged = EXIF.inserting(into: Fixtures.photo(1), orientation: 6, dateTimeOriginal: "2026:09:14 10:31:07")
        // Intel order: tag 0x0112, type 3 (SHORT), count 1.
        let entry: [UInt8] = [0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00]
        let at = try #require(tagged.firstRange(of: entry)).lowerBound
        tagged[at + 4] = 0
        #expect(EXIF.read(tagged) == EXIFFacts(orientation: nil, dateTimeOriginal: "2026:09:14 10:31:07"))
    }

    @Test func aPhotoWithoutEXIFHasNoFacts() {
        #expect(EXIF.read(SamplePhotos.tooSmall(seed: 2)) == nil)
    }
}
