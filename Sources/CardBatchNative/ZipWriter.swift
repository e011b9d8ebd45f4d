import CLibZip
import Foundation

/// Writes a ZIP file through libzip: used by the sample and benchmark generators and by tests to
/// build fixtures, including hostile ones (symlinks, GBK names without the UTF-8 flag).
public final class ZipWriter {
    /// nil once `close()` has handed the handle back to libzip.
    private var handle: OpaquePointer!

    public enum NameEncoding { case utf8, raw }

    /// - SeeAlso: `zip_open` with `ZIP_CREATE | ZIP_TRUNCATE`
    public init(path: String) throws(ZipError) {
        var code: Int32 = 0
        guard let handle = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code) else {
            throw ZipError.from(code: code, operation: "create")
        }
        self.handle = handle
    }

    deinit { if let handle { zip_discard(handle) } }

    /// Adds a file. `rawName` bytes are stored as given; with `.raw` encoding no UTF-8 flag is set
    /// (as Chinese Windows writes GBK names). `unixMode` sets the entry's Unix type and permissions.
    /// - SeeAlso: `zip_source_buffer`, `zip_file_add`, `zip_set_file_compression`
    @discardableResult
    public func add(rawName: [UInt8], data: [UInt8], encoding: NameEncoding = .utf8, store: Bool = false, unixMode: UInt32? = nil) throws(ZipError) -> Int {
        // libzip reads the buffer at zip_close time, so it gets its own copy and frees it (freep = 1).
        // An empty file gets no buffer at all: libzip never frees a zero-length one (a leak).
        let copy = data.isEmpty ? nil : malloc(data.count)!
        data.withUnsafeBytes { if let base = $0.baseAddress, let copy { copy.copyMemory(from: base, byteCount: data.count) } }
        guard let source = zip_source_buffer(handle, copy, zip_uint64_t(data.count), copy == nil ? 0 : 1) else {
            free(copy)
            throw ZipError.from(zip_get_error(handle), operation: "source")
        }
        let flags = zip_flags_t(ZIP_FL_OVERWRITE) | zip_flags_t(encoding == .utf8 ? ZIP_FL_ENC_UTF_8 : ZIP_FL_ENC_CP437)
        let index = (rawName + [0]).withUnsafeBufferPointer { name in
            name.withMemoryRebound(to: CChar.self) { zip_file_add(handle, $0.baseAddress!, source, flags) }
        }
        guard index >= 0 else {
            zip_source_free(source)
            throw ZipError.from(zip_get_error(handle), operation: "add")
        }
        if store { zip_set_file_compression(handle, zip_uint64_t(index), ZIP_CM_STORE, 0) }
        if let unixMode {
            zip_file_set_external_attributes(handle, zip_uint64_t(index), 0, zip_uint8_t(ZIP_OPSYS_UNIX), unixMode << 16)
        }
        // Fixed times keep generated archives byte-identical from run to run.
        zip_file_set_mtime(handle, zip_uint64_t(index), 1_764_000_000, 0)
        return Int(index)
    }

    @discardableResult
    public func add(_ name: String, data: [UInt8], store: Bool = false) throws(ZipError) -> Int {
        try add(rawName: Array(name.utf8), data: data, encoding: .utf8, store: store)
    }

    /// - SeeAlso: `zip_dir_add`
    public func addDirectory(_ name: String) throws(ZipError) {
        guard zip_dir_add(handle, name, zip_flags_t(ZIP_FL_ENC_UTF_8)) >= 0 else {
            throw ZipError.from(zip_get_error(handle), operation: "add directory")
        }
    }

    /// Writes the archive. After this the writer must not be used.
    /// - SeeAlso: `zip_close`
    public func close() throws(ZipError) {
        guard zip_close(handle) == 0 else { throw ZipError.from(zip_get_error(handle), operation: "close") }
        // zip_close freed the handle; deinit must not discard it again.
        handle = nil
    }
}
