import Foundation

/// A failure to write an output file: the path, the operation and the system's message.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let operation: String
    public let message: String

    public var description: String { "\(operation) \(path): \(message)" }

    static func errno(_ operation: String, _ path: String) -> OutputError {
        OutputError(path: path, operation: operation, message: String(cString: strerror(Foundation.errno)))
    }
}

/// Writes files so that a crash never leaves a half-written file that looks complete: the bytes go to
/// a temporary file in the same folder, which is fsynced, given its permissions, and renamed over
/// the final name; the folder is fsynced by the caller once all its files are in place.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t) throws(OutputError) {
        let directory = (path as NSString).deletingLastPathComponent
        let base = (path as NSString).lastPathComponent
        var template = Array("\(directory)/.\(base).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .errno("create temporary file for", path) }
        let temporary = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
        var ok = false
        defer {
            close(fd)
            if !ok { unlink(temporary) }
        }
        guard fchmod(fd, mode) == 0 else { throw .errno("chmod", temporary) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if Foundation.errno == EINTR { continue }
                throw .errno("write", temporary)
            }
            written += n
        }
        guard fsync(fd) == 0 else { throw .errno("fsync", temporary) }
        guard rename(temporary, path) == 0 else { throw .errno("rename", path) }
        ok = true
    }

    public static func write(_ text: String, to path: String, mode: mode_t) throws(OutputError) {
        try write(Array(text.utf8), to: path, mode: mode)
    }

    /// Makes a folder's entries (new names, renames) durable.
    public static func syncDirectory(_ path: String) throws(OutputError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { throw .errno("open folder", path) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw .errno("fsync folder", path) }
    }

    public static func makeDirectory(_ path: String, mode: mode_t) throws(OutputError) {
        if mkdir(path, mode) != 0 && Foundation.errno != EEXIST { throw .errno("create folder", path) }
    }

    /// Creates `path` and any missing parents, each with `mode`.
    public static func makeDirectories(_ path: String, mode: mode_t) throws(OutputError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: Int(mode)])
        } catch {
            throw OutputError(path: path, operation: "create folder", message: error.localizedDescription)
        }
    }
}
