import CardBatchCore
import CardBatchNative

/// Gathers a photo's facts from its bytes: what the bytes are, what the JPEG decoder reads, the SHA-256.
/// One inspector belongs to one worker (it owns a TurboJPEG handle).
public final class PhotoInspector {
    private let decoder = JPEGDecoder()

    public init() {}

    public func inspect(entry: String, bytes: [UInt8]) -> PhotoFacts {
        let signature = FileSignature(prefix: bytes)
        var facts = PhotoFacts(entry: entry, byteCount: bytes.count, signature: signature, jpeg: nil, sha256: SHA256.hex(bytes))
        guard signature == .jpeg else { return facts }
        do {
            let header = try bytes.withUnsafeBytes { try decoder.validate($0) }
            facts.jpeg = JPEGFacts(width: header.width, height: header.height, components: header.components, colorspace: header.colorspace)
        } catch {
            facts.decodeError = String(describing: error)
        }
        return facts
    }
}

/// Identifies the authorization letter by its bytes and checks that it is whole: a PDF must end
/// with its `%%EOF` marker, a JPEG must decode, a PNG must start with its IHDR chunk and end with IEND.
public enum LetterInspector {
    public static func inspect(entry: String, bytes: [UInt8]) -> LetterFacts {
        let signature = FileSignature(prefix: bytes)
        var facts = LetterFacts(entry: entry, byteCount: bytes.count, signature: signature)
        switch signature {
        case .pdf:
            let tail = bytes.suffix(1024)
            if !tail.windows(ofCount: 5).contains(where: { $0.elementsEqual("%%EOF".utf8) }) {
                facts.structureProblem = "no %%EOF marker at the end: the PDF is truncated"
            }
        case .jpeg:
            do {
                _ = try bytes.withUnsafeBytes { try JPEGDecoder().validate($0) }
            } catch {
                facts.structureProblem = String(describing: error)
            }
        case .png:
            let ihdr = bytes.count >= 33 && Array(bytes[12..<16]) == Array("IHDR".utf8)
            let iend = bytes.count >= 12 && Array(bytes[(bytes.count - 8)..<(bytes.count - 4)]) == Array("IEND".utf8)
            if !ihdr { facts.structureProblem = "the PNG has no IHDR header chunk" }
            else if !iend { facts.structureProblem = "the PNG has no IEND chunk at the end: it is truncated" }
        default:
            break
        }
        return facts
    }
}

extension Collection {
    /// Consecutive runs of `count` elements.
    func windows(ofCount count: Int) -> [SubSequence] {
        guard self.count >= count else { return [] }
        var result: [SubSequence] = []
        var start = startIndex
        var end = index(startIndex, offsetBy: count)
        while true {
            result.append(self[start..<end])
            guard end != endIndex else { break }
            formIndex(after: &start)
            formIndex(after: &end)
        }
        return result
    }
}
