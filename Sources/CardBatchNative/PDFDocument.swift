import CQPDF
import Foundation

/// A failure reported by qpdf, with its own message (and whether it was a password problem).
public struct PDFError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let needsPassword: Bool
    public var description: String { message }
}

/// A PDF read by qpdf, strictly: no recovery of damaged cross-reference tables, so a truncated or
/// damaged file is an error rather than silently repaired. Owned here, freed in `deinit`; one worker.
public final class PDFDocument {
    private var handle: qpdf_data?
    /// The file's bytes, owned here: `qpdf_read_memory` does not copy them, and qpdf reads objects
    /// from them lazily (the page tree, long after the read), so they must live as long as the handle.
    private let buffer: UnsafeMutableBufferPointer<CChar>

    /// - SeeAlso: `qpdf_init`, `qpdf_set_attempt_recovery`, `qpdf_read_memory`
    public init(bytes: [UInt8], name: String) throws(PDFError) {
        let copy = UnsafeMutableBufferPointer<CChar>.allocate(capacity: max(bytes.count, 1))
        bytes.withUnsafeBytes { UnsafeMutableRawBufferPointer(copy).copyMemory(from: $0) }
        buffer = copy
        handle = qpdf_init()
        qpdf_set_suppress_warnings(handle, QPDF_TRUE)
        qpdf_set_attempt_recovery(handle, QPDF_FALSE)
        let status = qpdf_read_memory(handle, name, buffer.baseAddress, UInt64(bytes.count), nil)
        if status & QPDF_ERRORS != 0 || qpdf_has_error(handle) != QPDF_FALSE { throw lastError() }
    }

    deinit {
        qpdf_cleanup(&handle)
        buffer.deallocate()
    }

    /// The error choke point: qpdf's full message for its pending error.
    /// - SeeAlso: `qpdf_get_error`, `qpdf_get_error_full_text`, `qpdf_get_error_code`
    private func lastError() -> PDFError {
        guard qpdf_has_error(handle) != QPDF_FALSE, let error = qpdf_get_error(handle) else {
            return PDFError(message: "qpdf could not read the file", needsPassword: false)
        }
        let text = qpdf_get_error_full_text(handle, error).map { String(cString: $0) } ?? "unknown qpdf error"
        return PDFError(message: text, needsPassword: qpdf_get_error_code(handle, error) == qpdf_e_password)
    }

    /// - SeeAlso: `qpdf_is_encrypted`
    public var isEncrypted: Bool { qpdf_is_encrypted(handle) != QPDF_FALSE }

    /// The number of pages, walking the page tree.
    /// - SeeAlso: `qpdf_get_num_pages`
    public func pageCount() throws(PDFError) -> Int {
        let count = qpdf_get_num_pages(handle)
        if count < 0 || qpdf_has_error(handle) != QPDF_FALSE { throw lastError() }
        return Int(count)
    }

    /// A copy of `pdf` encrypted under `userPassword`, for fixtures. It uses R4 (AES-128), whose key
    /// derivation depends only on the passwords and the document ID, so with qpdf's static ID and IV
    /// the output is the same on every run (R6 salts its keys randomly). Never used to protect data.
    /// - SeeAlso: `qpdf_set_r4_encryption_parameters_insecure`, `qpdf_write`
    public static func encrypted(_ pdf: [UInt8], userPassword: String, ownerPassword: String) throws(PDFError) -> [UInt8] {
        let document = try PDFDocument(bytes: pdf, name: "fixture.pdf")
        let q = document.handle
        qpdf_init_write_memory(q)
        qpdf_set_static_ID(q, QPDF_TRUE)
        qpdf_set_static_aes_IV(q, QPDF_TRUE)
        qpdf_set_r4_encryption_parameters_insecure(q, userPassword, ownerPassword, QPDF_TRUE, QPDF_TRUE, QPDF_TRUE, QPDF_TRUE,
                                                   QPDF_TRUE, QPDF_TRUE, qpdf_r3p_full, QPDF_TRUE, QPDF_TRUE)
        if qpdf_write(q) & QPDF_ERRORS != 0 { throw document.lastError() }
        guard let buffer = qpdf_get_buffer(q) else { throw PDFError(message: "qpdf wrote nothing", needsPassword: false) }
        return Array(UnsafeBufferPointer(start: buffer, count: qpdf_get_buffer_length(q)))
    }
}
