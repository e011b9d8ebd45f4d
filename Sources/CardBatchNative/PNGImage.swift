import CLibPNG
import Foundation

/// A failure reported by libpng's simplified API, with its message.
public struct PNGError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// Reads a PNG with libpng's simplified API: the header, then every row (as greyscale, one byte a
/// pixel), so damaged data is caught. Images over `maxPixels` are refused before decoding.
public enum PNGImage {
    public static let maxPixels = 50_000_000

    /// Width and height of a PNG that decodes completely (as greyscale, one byte a pixel).
    /// - SeeAlso: `png_image_begin_read_from_memory`, `png_image_finish_read`, `png_image_free`
    public static func validate(_ bytes: [UInt8]) throws(PNGError) -> (width: Int, height: Int) {
        let decoded = try read(bytes, format: UInt32(PNG_FORMAT_GRAY), channels: 1)
        return (decoded.width, decoded.height)
    }

    /// Decodes a PNG to packed 8-bit RGB (an alpha channel is dropped).
    public static func decodeRGB(_ bytes: [UInt8]) throws(PNGError) -> (width: Int, height: Int, rgb: [UInt8]) {
        let decoded = try read(bytes, format: UInt32(PNG_FORMAT_RGB), channels: 3)
        return (decoded.width, decoded.height, decoded.pixels)
    }

    /// Decodes a PNG to packed 8-bit RGBA (straight, not premultiplied, alpha; opaque when it has none).
    public static func decodeRGBA(_ bytes: [UInt8]) throws(PNGError) -> (width: Int, height: Int, rgba: [UInt8]) {
        let decoded = try read(bytes, format: UInt32(PNG_FORMAT_RGB) | UInt32(PNG_FORMAT_FLAG_ALPHA), channels: 4)
        return (decoded.width, decoded.height, decoded.pixels)
    }

    /// Reads the header, refuses images over `maxPixels`, then decodes every row into `format`.
    static func read(_ bytes: [UInt8], format: UInt32, channels: Int) throws(PNGError) -> (width: Int, height: Int, pixels: [UInt8]) {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        defer { png_image_free(&image) }
        let began = bytes.withUnsafeBytes { png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count) }
        guard began != 0 else { throw PNGError(message: message(&image)) }
        let width = Int(image.width), height = Int(image.height)
        guard width * height <= maxPixels else { throw PNGError(message: "the image is \(width) × \(height) pixels, too large to check") }
        image.format = format
        var pixels = [UInt8](repeating: 0, count: width * height * channels)
        let finished = pixels.withUnsafeMutableBytes { png_image_finish_read(&image, nil, $0.baseAddress, 0, nil) }
        guard finished != 0 else { throw PNGError(message: message(&image)) }
        return (width, height, pixels)
    }

    /// The error choke point: libpng's message from the image's fixed-size buffer.
    private static func message(_ image: inout png_image) -> String {
        withUnsafeBytes(of: &image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
