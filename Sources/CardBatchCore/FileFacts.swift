/// What a file is, judged by its first bytes rather than its name.
public enum FileSignature: String, Codable, Sendable {
    case jpeg, png, pdf, gif, webp, bmp, tiff, heic, zip, unknown

    public init(prefix bytes: some Collection<UInt8>) {
        let b = Array(bytes.prefix(16))
        func starts(_ magic: [UInt8]) -> Bool { b.count >= magic.count && Array(b.prefix(magic.count)) == magic }
        if starts([0xFF, 0xD8, 0xFF]) { self = .jpeg }
        else if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { self = .png }
        else if starts(Array("%PDF-".utf8)) { self = .pdf }
        else if starts(Array("GIF8".utf8)) { self = .gif }
        else if starts(Array("RIFF".utf8)) && b.count >= 12 && Array(b[8..<12]) == Array("WEBP".utf8) { self = .webp }
        else if starts(Array("BM".utf8)) { self = .bmp }
        else if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { self = .tiff }
        else if b.count >= 12 && Array(b[4..<8]) == Array("ftyp".utf8) { self = .heic }
        else if starts([0x50, 0x4B, 0x03, 0x04]) { self = .zip }
        else { self = .unknown }
    }

    /// How a person would name the kind, for messages.
    public var displayName: String {
        switch self {
        case .jpeg: "a JPEG image"
        case .png: "a PNG image"
        case .pdf: "a PDF document"
        case .gif: "a GIF image"
        case .webp: "a WebP image"
        case .bmp: "a BMP image"
        case .tiff: "a TIFF image"
        case .heic: "an HEIC/HEIF image"
        case .zip: "a ZIP archive"
        case .unknown: "not a recognised image or document"
        }
    }

    public var displayNameZH: String {
        switch self {
        case .jpeg: "JPEG 图像"
        case .png: "PNG 图像"
        case .pdf: "PDF 文档"
        case .gif: "GIF 图像"
        case .webp: "WebP 图像"
        case .bmp: "BMP 图像"
        case .tiff: "TIFF 图像"
        case .heic: "HEIC/HEIF 图像"
        case .zip: "ZIP 压缩包"
        case .unknown: "无法识别的文件"
        }
    }
}

/// What the JPEG decoder reported of a photo.
public struct JPEGFacts: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// Colour components: 3 for YCbCr or RGB (24-bit colour), 1 for greyscale, 4 for CMYK/YCCK.
    public var components: Int
    public var colorspace: String
    /// Bits per component; the decoder handles 8-bit baseline and progressive JPEG only.
    public var bitsPerComponent: Int

    public init(width: Int, height: Int, components: Int, colorspace: String, bitsPerComponent: Int = 8) {
        self.width = width
        self.height = height
        self.components = components
        self.colorspace = colorspace
        self.bitsPerComponent = bitsPerComponent
    }
}

/// Everything the photo rules need, gathered by the intake from the real bytes.
public struct PhotoFacts: Sendable, Equatable {
    /// The photo's entry name inside the bundle.
    public var entry: String
    public var byteCount: Int
    public var signature: FileSignature
    /// Set when the decoder read the image; nil when it could not.
    public var jpeg: JPEGFacts?
    /// The decoder's own message when it failed (a truncated or corrupt JPEG).
    public var decodeError: String?
    /// SHA-256 of the photo bytes, hex.
    public var sha256: String
    /// What the pixel checks measured, when the photo decoded in colour.
    public var measurements: PhotoMeasurements?
    /// What the face stage measured, when the photo decoded in colour and the face checks are on.
    public var face: FaceMeasurements?
    /// Why the face stage could not run although the face checks are on (the model could not be
    /// loaded); `photo.face` reports it.
    public var faceStageError: String?
    /// EXIF orientation (1–8) and `DateTimeOriginal` (`YYYY:MM:DD HH:MM:SS`), when the photo has them.
    public var exifOrientation: Int?
    public var exifDateTaken: String?
    /// The IJG quality the photo was saved at, estimated from its quantisation table.
    public var jpegQuality: Int?
    /// The embedded ICC profile's description ("" when unnamed); nil when the photo has no profile.
    public var iccDescription: String?

    public init(entry: String, byteCount: Int, signature: FileSignature, jpeg: JPEGFacts?, decodeError: String? = nil, sha256: String = "") {
        self.entry = entry
        self.byteCount = byteCount
        self.signature = signature
        self.jpeg = jpeg
        self.decodeError = decodeError
        self.sha256 = sha256
    }
}

/// What the intake found of the authorization letter.
public struct LetterFacts: Sendable, Equatable {
    public var entry: String
    public var byteCount: Int
    public var signature: FileSignature
    /// Why the bytes, though they start like a PDF, JPEG or PNG, are not a readable one; nil when fine.
    public var structureProblem: String?
    /// PDF: pages counted by qpdf, and whether the file is encrypted (or needs a password to open).
    public var pageCount: Int?
    public var isEncrypted = false
    /// JPEG or PNG scan: size in pixels, as the decoder read it.
    public var width: Int?
    public var height: Int?

    public init(entry: String, byteCount: Int, signature: FileSignature, structureProblem: String? = nil,
                pageCount: Int? = nil, isEncrypted: Bool = false, width: Int? = nil, height: Int? = nil) {
        self.entry = entry
        self.byteCount = byteCount
        self.signature = signature
        self.structureProblem = structureProblem
        self.pageCount = pageCount
        self.isEncrypted = isEncrypted
        self.width = width
        self.height = height
    }
}
