import CardBatchNative

/// Photos for samples and tests: compliant portraits and each kind of defect.
public enum SamplePhotos {
    /// A compliant photo: 358 × 441, 24-bit colour JPEG, inside the size window, with an EXIF date
    /// taken in October 2026 (within six months of the samples' processing date, 2026-11-25).
    public static func compliant(seed: UInt64) -> [UInt8] {
        let painter = PortraitPainter()
        return withDate(painter.jpeg(painter.paint(.varied(seed), seed: seed)), day: Int(seed % 28) + 1)
    }

    /// `jpeg` with an EXIF date taken of `day` October 2026 (or `date`, `YYYY:MM:DD HH:MM:SS`) and
    /// optionally an orientation.
    public static func withDate(_ jpeg: [UInt8], day: Int = 1, date: String? = nil, orientation: Int? = nil) -> [UInt8] {
        let d = day < 10 ? "0\(day)" : "\(day)"
        return EXIF.inserting(into: jpeg, orientation: orientation, dateTimeOriginal: date ?? "2026:10:\(d) 10:15:00")
    }

    /// The right size in bytes and colour, the wrong size in pixels.
    public static func wrongDimensions(seed: UInt64, width: Int = 441, height: Int = 358) -> [UInt8] {
        let painter = PortraitPainter(width: width, height: height)
        return painter.jpeg(painter.paint(.varied(seed), seed: seed))
    }

    /// Too few bytes: a smooth image at low quality.
    public static func tooSmall(seed: UInt64) -> [UInt8] {
        let painter = PortraitPainter(noise: 0)
        return (try? JPEGEncoder().encode(painter.paint(.varied(seed), seed: seed), width: 358, height: 441, quality: 40)) ?? []
    }

    /// Too many bytes: heavy noise at top quality.
    public static func tooLarge(seed: UInt64) -> [UInt8] {
        let painter = PortraitPainter(noise: 40)
        return (try? JPEGEncoder().encode(painter.paint(.varied(seed), seed: seed), width: 358, height: 441, quality: 100)) ?? []
    }

    /// Greyscale (one 8-bit component).
    public static func greyscale(seed: UInt64) -> [UInt8] {
        let painter = PortraitPainter(noise: 14)
        return painter.greyJPEG(painter.paint(.varied(seed), seed: seed), quality: 95)
    }

    /// A PNG, to be saved under a .jpg name.
    public static func png(seed: UInt64) -> [UInt8] {
        let painter = PortraitPainter(width: 120, height: 148)
        return DocumentWriters.png(width: 120, height: 148, rgb: painter.paint(.varied(seed), seed: seed))
    }

    /// A compliant JPEG with its last `cut` bytes missing (an interrupted copy).
    public static func truncated(seed: UInt64, cut: Int = 3_000) -> [UInt8] {
        Array(compliant(seed: seed).dropLast(cut))
    }

    /// A compliant JPEG cut off just before its first scan (SOS) marker: a half-uploaded photo whose
    /// headers are all there and whose image data is not. It once crashed the decoder's next photo.
    public static func cutBeforeScan(seed: UInt64) -> [UInt8] {
        let jpeg = compliant(seed: seed)
        return cutBeforeScan(jpeg) ?? jpeg
    }

    /// `jpeg` up to its first SOS marker (nil when it has none before its end), walking the marker
    /// segments (FF xx, then a two-byte length that counts itself).
    public static func cutBeforeScan(_ jpeg: [UInt8]) -> [UInt8]? {
        var at = 2
        while at + 4 <= jpeg.count, jpeg[at] == 0xFF {
            if jpeg[at + 1] == 0xDA { return Array(jpeg.prefix(at)) }
            at += 2 + Int(jpeg[at + 2]) << 8 + Int(jpeg[at + 3])
        }
        return nil
    }

    /// A copy of `jpeg` made byte-unique by a comment segment after SOI; still a valid JPEG.
    public static func uniqued(_ jpeg: [UInt8], tag: String) -> [UInt8] {
        let text = Array("cardbatch-sample \(tag)".utf8)
        let length = text.count + 2
        return [0xFF, 0xD8, 0xFF, 0xFE, UInt8(length >> 8), UInt8(length & 0xFF)] + text + jpeg.dropFirst(2)
    }
}
