import CTurboJPEG

/// What decoding a JPEG told us.
public struct JPEGHeader: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// "RGB", "YCbCr", "Gray", "CMYK" or "YCCK".
    public let colorspace: String
    public var components: Int {
        switch colorspace {
        case "Gray": 1
        case "CMYK", "YCCK": 4
        default: 3
        }
    }
}

/// A failure reported by TurboJPEG, with its own message.
public struct JPEGError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// A TurboJPEG decompressor. One instance belongs to one worker (TurboJPEG handles are not shared).
///
/// Every length given to TurboJPEG is checked here first. Two facts of libjpeg-turbo 2.1 shape it:
/// - a handle whose header read failed is left half-way through that header, and the next
///   `tjDecompressHeader3` on it can return success without setting the width or height; so the
///   handle is replaced after every failure, and a header is trusted only with a width, a height and
///   a colour space;
/// - `tjDecompress2` reads a width or height of 0 as "the image's own size", and would write a
///   full-size image into whatever buffer it is given; so it is never called with 0, and always with
///   the exact pitch of the buffer.
public final class JPEGDecoder {
    private var handle: tjhandle?

    /// Largest width or height the decoder will decode; bigger headers are reported without decoding,
    /// so a forged 65535 × 65535 header cannot make it allocate gigabytes.
    public static let maxDecodedSide = 8192

    /// - SeeAlso: `tjInitDecompress`
    public init() {
        handle = tjInitDecompress()
    }

    deinit { if let handle { tjDestroy(handle) } }

    /// The error choke point: TurboJPEG's message for the call that failed on this handle. The handle
    /// is then replaced, so that no state of a failed read reaches the next photo.
    /// - SeeAlso: `tjGetErrorStr2`, `tjDestroy`, `tjInitDecompress`
    private func failure(_ message: String? = nil) -> JPEGError {
        let text = message ?? handle.map { String(cString: tjGetErrorStr2($0)) } ?? "TurboJPEG could not be initialised"
        if let handle { tjDestroy(handle) }
        handle = tjInitDecompress()
        return JPEGError(message: text)
    }

    private static let colorspaces = [TJCS_RGB.rawValue: "RGB", TJCS_YCbCr.rawValue: "YCbCr", TJCS_GRAY.rawValue: "Gray",
                                      TJCS_CMYK.rawValue: "CMYK", TJCS_YCCK.rawValue: "YCCK"]

    /// Reads the header only. Succeeds only with a width and height of at least 1 and a known colour
    /// space (a tables-only stream has neither).
    /// - SeeAlso: `tjDecompressHeader3`
    public func header(_ bytes: UnsafeRawBufferPointer) throws(JPEGError) -> JPEGHeader {
        guard let handle else { throw failure() }
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), !bytes.isEmpty else {
            throw JPEGError(message: "the file is empty")
        }
        var width: Int32 = -1, height: Int32 = -1, subsampling: Int32 = -1, colorspace: Int32 = -1
        guard tjDecompressHeader3(handle, base, UInt(bytes.count), &width, &height, &subsampling, &colorspace) == 0 else { throw failure() }
        guard width > 0, height > 0, colorspace >= 0, let name = Self.colorspaces[UInt32(colorspace)] else {
            throw failure("the JPEG header declares no image (width \(width), height \(height))")
        }
        return JPEGHeader(width: Int(width), height: Int(height), colorspace: name)
    }

    /// Decodes the whole image at 1/`scale` of its size (1, 2, 4 or 8) into packed RGB. Every scan is
    /// entropy-decoded whatever the scale, so damage is caught; warnings count as errors. CMYK images
    /// cannot be converted to RGB: they return the header and no pixels.
    /// - SeeAlso: `tjDecompress2` with `TJFLAG_STOPONWARNING | TJFLAG_LIMITSCANS`
    public func decodeRGB(_ bytes: UnsafeRawBufferPointer, scale: Int) throws(JPEGError) -> (header: JPEGHeader, width: Int, height: Int, rgb: [UInt8]?) {
        let header = try header(bytes)
        guard header.width <= Self.maxDecodedSide, header.height <= Self.maxDecodedSide else { return (header, 0, 0, nil) }
        guard header.components != 4 else {
            _ = try decompress(bytes, header, scale: 8, format: TJPF_CMYK, pixelSize: 4)
            return (header, 0, 0, nil)
        }
        let (width, height, pixels) = try decompress(bytes, header, scale: scale, format: TJPF_RGB, pixelSize: 3)
        return (header, width, height, pixels)
    }

    /// Reads the header, then decodes every scan of the image at 1/8 scale, which runs the full
    /// entropy decoder (so truncated or corrupt data is caught) while skipping most of the IDCT work.
    /// Warnings (such as a premature end of data) count as errors.
    /// - SeeAlso: `tjDecompress2` with `TJFLAG_STOPONWARNING | TJFLAG_LIMITSCANS`
    public func validate(_ bytes: UnsafeRawBufferPointer) throws(JPEGError) -> JPEGHeader {
        let header = try header(bytes)
        guard header.width <= Self.maxDecodedSide, header.height <= Self.maxDecodedSide else { return header }
        let (format, pixelSize) = header.components == 4 ? (TJPF_CMYK, 4) : (header.components == 1 ? (TJPF_GRAY, 1) : (TJPF_RGB, 3))
        _ = try decompress(bytes, header, scale: 8, format: format, pixelSize: pixelSize)
        return header
    }

    /// Decodes into a buffer of exactly `width × height × pixelSize` bytes, where width and height are
    /// the header's divided by `scale` and rounded up (TurboJPEG's own scaled size for 1/`scale`).
    /// TurboJPEG never writes more than the width, height and pitch it is given, all checked here.
    /// - SeeAlso: `tjDecompress2`
    private func decompress(_ bytes: UnsafeRawBufferPointer, _ header: JPEGHeader, scale: Int, format: TJPF,
                            pixelSize: Int) throws(JPEGError) -> (width: Int, height: Int, pixels: [UInt8]) {
        precondition([1, 2, 4, 8].contains(scale) && header.width <= Self.maxDecodedSide && header.height <= Self.maxDecodedSide)
        guard let handle, let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { throw failure() }
        let width = (header.width + scale - 1) / scale, height = (header.height + scale - 1) / scale
        // Never 0 (TurboJPEG's "the image's own size"); the header guarantees at least 1 × 1.
        guard width >= 1, height >= 1 else { throw failure("the JPEG has no pixels at 1/\(scale) scale") }
        let pitch = width * pixelSize
        var pixels = [UInt8](repeating: 0, count: pitch * height)
        let status = pixels.withUnsafeMutableBufferPointer {
            tjDecompress2(handle, base, UInt(bytes.count), $0.baseAddress, Int32(width), Int32(pitch), Int32(height),
                          Int32(format.rawValue), TJFLAG_STOPONWARNING | TJFLAG_LIMITSCANS)
        }
        guard status == 0 else { throw failure() }
        return (width, height, pixels)
    }
}

/// A TurboJPEG compressor, for generators (samples, benchmark bundles) and photo fixing.
public final class JPEGEncoder {
    private let handle: tjhandle

    /// - SeeAlso: `tjInitCompress`
    public init() { handle = tjInitCompress() }
    deinit { tjDestroy(handle) }

    public enum Pixels { case rgb, gray }

    /// Compresses packed pixels (RGB, 3 bytes each, or grey, 1 byte) at `quality` 1…100 with 4:2:0
    /// chroma subsampling (greyscale output for grey input).
    /// - SeeAlso: `tjCompress2`
    public func encode(_ pixels: [UInt8], width: Int, height: Int, format: Pixels = .rgb, quality: Int) throws(JPEGError) -> [UInt8] {
        var output: UnsafeMutablePointer<UInt8>? = nil
        var size: UInt = 0
        let pf = format == .rgb ? TJPF_RGB : TJPF_GRAY
        let sampling = format == .rgb ? TJSAMP_420 : TJSAMP_GRAY
        let status = pixels.withUnsafeBufferPointer {
            tjCompress2(handle, $0.baseAddress, Int32(width), 0, Int32(height), Int32(pf.rawValue), &output, &size,
                        Int32(sampling.rawValue), Int32(quality), 0)
        }
        defer { if let output { tjFree(output) } }
        guard status == 0, let output else { throw JPEGError(message: String(cString: tjGetErrorStr2(handle))) }
        return Array(UnsafeBufferPointer(start: output, count: Int(size)))
    }
}
