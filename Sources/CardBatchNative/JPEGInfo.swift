import CJPEGInfo

/// What libjpeg reads of a JPEG's headers: its luminance quantisation table and embedded colour profile.
public struct JPEGInfo: Sendable, Equatable {
    /// The 64 luminance quantisation steps in natural (row-major) order, when present.
    public let lumaTable: [Int]?
    /// The embedded ICC profile's description, "" when the profile has none; nil without a profile.
    public let iccDescription: String?

    /// - SeeAlso: `cardbatch_jpeg_read_info` (jpeg_read_header, jpeg_read_icc_profile)
    public static func read(_ bytes: [UInt8]) -> JPEGInfo? {
        var info = cardbatch_jpeg_info()
        let status = bytes.withUnsafeBufferPointer { cardbatch_jpeg_read_info($0.baseAddress, UInt($0.count), &info) }
        guard status == 0 else { return nil }
        let table: [Int]? = info.has_luma_table != 0 ? withUnsafeBytes(of: info.luma) { Array($0.bindMemory(to: UInt16.self)).map(Int.init) } : nil
        let description: String? = info.has_icc_profile != 0
            ? withUnsafeBytes(of: info.icc_description) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) } : nil
        return JPEGInfo(lumaTable: table, iccDescription: description)
    }
}
