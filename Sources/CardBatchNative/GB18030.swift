import Foundation

/// Converts between GB18030 (a superset of GBK and GB2312) and UTF-8 with glibc's iconv: what
/// Chinese Windows writes for ZIP entry names without the UTF-8 flag, and what Excel saves as "CSV" there.
public enum GB18030 {
    /// The text, or nil when the bytes are not valid GB18030.
    public static func decode(_ bytes: [UInt8]) -> String? {
        // GB18030 maps every character to at most 4 UTF-8 bytes, so 4× the input always suffices.
        convert(bytes, from: "GB18030", to: "UTF-8", capacity: bytes.count * 4 + 4).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Encodes text to GB18030, for fixtures and samples that imitate Chinese Windows.
    public static func encode(_ text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        return convert(utf8, from: "UTF-8", to: "GB18030", capacity: utf8.count * 2 + 8)
    }

    /// One whole-buffer iconv conversion; nil when the input is invalid or incomplete.
    /// - SeeAlso: `iconv_open`, `iconv`
    static func convert(_ bytes: [UInt8], from source: String, to target: String, capacity: Int) -> [UInt8]? {
        guard let cd = iconv_open(target, source), cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: capacity)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                guard iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1, inLeft == 0 else { return nil }
                return outBuf.count - outLeft
            }
        }
        return produced.map { Array(output[0..<$0]) }
    }
}
