import CardBatchNative
import CardBatchSamples
import CardBatchTestSupport
import Testing

struct JPEGDecoderTests {
    @Test func readsSizeAndColourOfARealJPEG() throws {
        let header = try Fixtures.photo(1).withUnsafeBytes { try JPEGDecoder().validate($0) }
        #expect(header.width == 358 && header.height == 441)
        #expect(header.components == 3)
    }

    @Test func reportsGreyscaleAsOneComponent() throws {
        let header = try SamplePhotos.greyscale(seed: 3).withUnsafeBytes { try JPEGDecoder().validate($0) }
        #expect(header.components == 1 && header.colorspace == "Gray")
    }

    @Test func aTruncatedJPEGFailsTheFullDecodeThoughItsHeaderReads() throws {
        let cut = SamplePhotos.truncated(seed: 4)
        let decoder = JPEGDecoder()
        #expect(try cut.withUnsafeBytes { try decoder.header($0) }.width == 358)
        #expect(throws: JPEGError.self) { try cut.withUnsafeBytes { try decoder.validate($0) } }
    }

    @Test func aPhotoCutBeforeItsFirstScanIsRefusedAtTheHeader() {
        let cut = SamplePhotos.cutBeforeScan(seed: 4)
        #expect(cut.count > 400 && cut.count < 1_000)
        #expect(throws: JPEGError.self) { try cut.withUnsafeBytes { try JPEGDecoder().header($0) } }
        #expect(throws: JPEGError.self) { try cut.withUnsafeBytes { try JPEGDecoder().decodeRGB($0, scale: 2) } }
    }

    /// libjpeg-turbo 2.1 leaves a handle whose header read failed half-way through that header; the
    /// next header call on it "succeeded" with no width or height, and the decode that followed wrote
    /// a full-size image into an empty buffer (the SIGSEGV of the mutation campaign). One decoder now
    /// reads good, damaged, damaged and good photos in turn, each exactly as a fresh decoder does.
    @Test func aDecoderThatFailedOnADamagedPhotoDecodesTheNextPhotosExactlyAsAFreshOne() throws {
        let good = [Fixtures.photo(1), Fixtures.photo(2)]
        let damaged = [SamplePhotos.cutBeforeScan(seed: 4), SamplePhotos.truncated(seed: 5), [0xFF, 0xD8, 0xFF, 0xD9]]
        let decoder = JPEGDecoder()
        for photo in [good[0]] + damaged + damaged.reversed() + [good[1], good[0]] {
            let fresh = try? photo.withUnsafeBytes { try JPEGDecoder().decodeRGB($0, scale: 2) }
            let reused = try? photo.withUnsafeBytes { try decoder.decodeRGB($0, scale: 2) }
            #expect(reused?.rgb == fresh?.rgb && reused?.width == fresh?.width && reused?.height == fresh?.height)
            #expect((fresh == nil) == damaged.contains(photo))
            if let fresh { #expect(fresh.width == 179 && fresh.height == 221 && fresh.rgb?.count == 179 * 221 * 3) }
        }
    }

    @Test func aPNGIsNotAJPEG() {
        #expect(throws: JPEGError.self) { try SamplePhotos.png(seed: 5).withUnsafeBytes { try JPEGDecoder().validate($0) } }
    }
}
