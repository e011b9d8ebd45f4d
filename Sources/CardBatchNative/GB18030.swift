import Foundation

/// Decodes GB18030 (a superset of GBK and GB2312) with glibc's iconv: what Chinese Windows writes
/// for ZIP entry names without the UTF-8 flag, and what Excel saves as "CSV" there.
public enum GB18030 {
    /// The text, or nil when the bytes are not valid GB18030.
    /// - SeeAlso: `iconv_open`, `iconv`
    public static func decode(_ bytes: [UInt8]) -> String? {
        guard let cd = iconv_open("UTF-8", "GB18030"), cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = bytes
        // GB18030 maps every character to at most 4 UTF-8 bytes, so 4× the input always suffices.
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 4)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                let result = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                guard result != -1, inLeft == 0 else { return nil }
                return outBuf.count - outLeft
            }
        }
        guard let produced else { return nil }
        return String(decoding: output[0..<produced], as: UTF8.self)
    }

    /// Encodes text to GB18030, for fixtures and samples that imitate Chinese Windows.
    public static func encode(_ text: String) -> [UInt8]? {
        guard let cd = iconv_open("GB18030", "UTF-8"), cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 8)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                let result = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                guard result != -1, inLeft == 0 else { return nil }
                return outBuf.count - outLeft
            }
        }
        return produced.map { Array(output[0..<$0]) }
    }
}
