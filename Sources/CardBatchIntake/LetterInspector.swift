public import CardBatchCore
import CardBatchNative

/// Identifies the authorization letter by its bytes and opens it with a real library: qpdf for a
/// PDF (strictly, without repairing damage: pages and encryption), libjpeg-turbo or libpng for a
/// scan (decoding every row: its size in pixels).
public enum LetterInspector {
    public static func inspect(entry: String, bytes: [UInt8]) -> LetterFacts {
        let signature = FileSignature(prefix: bytes)
        var facts = LetterFacts(entry: entry, byteCount: bytes.count, signature: signature)
        switch signature {
        case .pdf:
            do {
                let document = try PDFDocument(bytes: bytes, name: entry)
                facts.isEncrypted = document.isEncrypted
                facts.pageCount = try document.pageCount()
            } catch where error.needsPassword {
                facts.isEncrypted = true
            } catch {
                facts.structureProblem = String(describing: error)
            }
        case .jpeg:
            do {
                let header = try bytes.withUnsafeBytes { try JPEGDecoder().validate($0) }
                (facts.width, facts.height) = (header.width, header.height)
            } catch {
                facts.structureProblem = String(describing: error)
            }
        case .png:
            do {
                (facts.width, facts.height) = try PNGImage.validate(bytes)
            } catch {
                facts.structureProblem = String(describing: error)
            }
        default:
            break
        }
        return facts
    }
}
