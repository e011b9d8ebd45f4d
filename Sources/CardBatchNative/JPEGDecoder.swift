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
public final class JPEGDecoder {
    private let handle: tjhandle

    /// Largest width or height the decoder will decode; bigger headers are reported without decoding,
    /// so a forged 65535 × 65535 header cannot make it allocate gigabytes.
    public static let maxDecodedSide = 8192

    /// - SeeAlso: `tjInitDecompress`
    public init() {
        handle = tjInitDecompress()
    }

    deinit { tjDestroy(handle) }

    /// The error choke point: TurboJPEG's message for the last call on this handle.
    private func lastError() -> JPEGError {
        JPEGError(message: String(cString: tjGetErrorStr2(handle)))
    }

    /// Reads the header only.
    /// - SeeAlso: `tjDecompressHeader3`
    public func header(_ bytes: UnsafeRawBufferPointer) throws(JPEGError) -> JPEGHeader {
        var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colorspace: Int32 = 0
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self),
              tjDecompressHeader3(handle, base, UInt(bytes.count), &width, &height, &subsampling, &colorspace) == 0
        else { throw lastError() }
        let names = [TJCS_RGB.rawValue: "RGB", TJCS_YCbCr.rawValue: "YCbCr", TJCS_GRAY.rawValue: "Gray",
                     TJCS_CMYK.rawValue: "CMYK", TJCS_YCCK.rawValue: "YCCK"]
        return JPEGHeader(width: Int(width), height: Int(height), colorspace: names[UInt32(colorspace)] ?? "unknown")
    }

    /// Decodes the whole image at 1/`scale` of its size (1, 2, 4 or 8) into packed RGB. Every scan is
    /// entropy-decoded whatever the scale, so damage is caught; warnings count as errors. CMYK images
    /// cannot be converted to RGB: they return the header and no pixels.
    /// - SeeAlso: `tjDecompress2` with `TJFLAG_STOPONWARNING | TJFLAG_LIMITSCANS`
    public func decodeRGB(_ bytes: UnsafeRawBufferPointer, scale: Int) throws(JPEGError) -> (header: JPEGHeader, width: Int, height: Int, rgb: [UInt8]?) {
        let header = try header(bytes)
        guard header.width <= Self.maxDecodedSide, header.height <= Self.maxDecodedSide else { return (header, 0, 0, nil) }
        guard header.components != 4 else {
            _ = try validate(bytes)
            return (header, 0, 0, nil)
        }
        let width = (header.width + scale - 1) / scale, height = (header.height + scale - 1) / scale
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        let base = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let status = pixels.withUnsafeMutableBufferPointer {
            tjDecompress2(handle, base, UInt(bytes.count), $0.baseAddress, Int32(width), 0, Int32(height),
                          Int32(TJPF_RGB.rawValue), TJFLAG_STOPONWARNING | TJFLAG_LIMITSCANS)
        }
        guard status == 0 else { throw lastError() }
        return (header, width, height, pixels)
    }

    /// Reads the header, then decodes every scan of the image at 1/8 scale, which runs the full
    /// entropy decoder (so truncated or corrupt data is caught) while skipping most of the IDCT work.
    /// Warnings (such as a premature end of data) count as errors.
    /// - SeeAlso: `tjDecompress2` with `TJFLAG_STOPONWARNING | TJFLAG_LIMITSCANS`
    public func validate(_ bytes: UnsafeRawBufferPointer) throws(JPEGError) -> JPEGHeader {
        let header = try header(bytes)
        guard header.width <= Self.maxDecodedSide, header.height <= Self.maxDecodedSide else { return header }
        let width = (header.width + 7) / 8, height = (header.height + 7) / 8
        let format = header.components == 4 ? TJPF_CMYK : (header.components == 1 ? TJPF_GRAY : TJPF_RGB)
        let pixelSize = header.components == 4 ? 4 : (header.components == 1 ? 1 : 3)
        var pixels = [UInt8](repeating: 0, count: width * height * pixelSize)
        let base = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let status = pixels.withUnsafeMutableBufferPointer {
            tjDecompress2(handle, base, UInt(bytes.count), $0.baseAddress, Int32(width), 0, Int32(height),
                          Int32(format.rawValue), TJFLAG_STOPONWARNING | TJFLAG_LIMITSCANS)
        }
        guard status == 0 else { throw lastError() }
        return header
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
