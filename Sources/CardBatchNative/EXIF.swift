import CLibExif
import Foundation

/// What a photo's EXIF data says, read with libexif.
public struct EXIFFacts: Sendable, Equatable {
    /// TIFF orientation 1–8 (5–8 rotate the image by 90°), when present.
    public var orientation: Int?
    /// `DateTimeOriginal` as written: `YYYY:MM:DD HH:MM:SS`, when present.
    public var dateTimeOriginal: String?

    public init(orientation: Int? = nil, dateTimeOriginal: String? = nil) {
        self.orientation = orientation
        self.dateTimeOriginal = dateTimeOriginal
    }
}

public enum EXIF {
    /// Reads the EXIF block of a JPEG; nil when it has none.
    /// - SeeAlso: `exif_data_new_from_data`, `exif_content_get_entry`, `exif_get_short`
    public static func read(_ jpeg: [UInt8]) -> EXIFFacts? {
        // libexif takes a 32-bit length; EXIF lives in the first 64 KiB, so a longer file is read by its start.
        let length = UInt32(clamping: jpeg.count)
        guard let data = jpeg.withUnsafeBufferPointer({ exif_data_new_from_data($0.baseAddress, length) }) else { return nil }
        defer { exif_data_unref(data) }
        let order = exif_data_get_byte_order(data)
        // exif_data_get_entry is a macro: look the tag up in each IFD.
        func entry(_ tag: ExifTag) -> UnsafeMutablePointer<ExifEntry>? {
            withUnsafeBytes(of: data.pointee.ifd) { raw in
                for content in raw.bindMemory(to: UnsafeMutablePointer<ExifContent>?.self) {
                    if let content, let found = exif_content_get_entry(content, tag) { return found }
                }
                return nil
            }
        }
        // An entry is used only when its data holds what its format needs: libexif keeps the size
        // the file declares, which a damaged or forged file can make smaller than one value.
        func values(_ e: UnsafeMutablePointer<ExifEntry>, format: ExifFormat, minimumBytes: Int) -> UnsafeMutablePointer<UInt8>? {
            guard e.pointee.format == format, e.pointee.components >= 1, Int(e.pointee.size) >= minimumBytes else { return nil }
            return e.pointee.data
        }
        var facts = EXIFFacts()
        if let e = entry(EXIF_TAG_ORIENTATION),
           let bytes = values(e, format: EXIF_FORMAT_SHORT, minimumBytes: Int(exif_format_get_size(EXIF_FORMAT_SHORT))) {
            facts.orientation = Int(exif_get_short(bytes, order))
        }
        if let e = entry(EXIF_TAG_DATE_TIME_ORIGINAL), let bytes = values(e, format: EXIF_FORMAT_ASCII, minimumBytes: 1) {
            let text = String(decoding: UnsafeBufferPointer(start: bytes, count: Int(e.pointee.size)).prefix { $0 != 0 }, as: UTF8.self)
            facts.dateTimeOriginal = text.isEmpty ? nil : text
        }
        return facts.orientation == nil && facts.dateTimeOriginal == nil ? nil : facts
    }

    /// `jpeg` with an EXIF (APP1) segment holding `orientation` and `dateTimeOriginal`, for fixtures
    /// that imitate what cameras write. Only the given tags are written, so the bytes are reproducible.
    /// - SeeAlso: `exif_data_new`, `exif_entry_initialize`, `exif_data_save_data`
    public static func inserting(into jpeg: [UInt8], orientation: Int?, dateTimeOriginal: String?) -> [UInt8] {
        guard let data = exif_data_new() else { return jpeg }
        defer { exif_data_unref(data) }
        exif_data_set_byte_order(data, EXIF_BYTE_ORDER_INTEL)
        func add(_ tag: ExifTag, ifd: Int, _ fill: (UnsafeMutablePointer<ExifEntry>) -> Void) {
            guard let e = exif_entry_new() else { return }
            defer { exif_entry_unref(e) }
            withUnsafeBytes(of: data.pointee.ifd) { raw in
                if let content = raw.bindMemory(to: UnsafeMutablePointer<ExifContent>?.self)[ifd] { exif_content_add_entry(content, e) }
            }
            exif_entry_initialize(e, tag)
            fill(e)
        }
        if let orientation {
            add(EXIF_TAG_ORIENTATION, ifd: Int(EXIF_IFD_0.rawValue)) { exif_set_short($0.pointee.data, EXIF_BYTE_ORDER_INTEL, ExifShort(orientation)) }
        }
        if let dateTimeOriginal {
            add(EXIF_TAG_DATE_TIME_ORIGINAL, ifd: Int(EXIF_IFD_EXIF.rawValue)) { e in
                let text = Array(dateTimeOriginal.utf8.prefix(19)) + [0]
                guard let buffer = e.pointee.data, Int(e.pointee.size) >= text.count else { return }
                for (i, b) in text.enumerated() { buffer[i] = b }
            }
        }
        var out: UnsafeMutablePointer<UInt8>? = nil
        var size: UInt32 = 0
        exif_data_save_data(data, &out, &size)
        guard let out else { return jpeg }
        defer { free(out) }
        let block = Array(UnsafeBufferPointer(start: out, count: Int(size)))
        let length = block.count + 2
        return [0xFF, 0xD8, 0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + block + jpeg.dropFirst(2)
    }
}
