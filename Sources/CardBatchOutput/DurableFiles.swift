import CardBatchNative
import CSystemShims
public import Foundation

/// A failure to write an output file: the path, the operation and the system's message.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let operation: String
    public let message: String

    public var description: String { "\(operation) \(path): \(message)" }

    public init(path: String, operation: String, message: String) {
        self.path = path
        self.operation = operation
        self.message = message
    }

    static func errno(_ operation: String, _ path: String) -> OutputError {
        OutputError(path: path, operation: operation, message: String(cString: strerror(Foundation.errno)))
    }
}

/// The file operations outputs are built from. A bundle's files are written new into a private
/// staging folder (`StagedFolder`), made durable together with one `syncfs`, and published by
/// renaming the folder: the whole folder is the "temporary file" of the usual temp-fsync-rename
/// pattern, so a crash leaves either no result or a complete one, never a half-written file that
/// looks complete. One `syncfs` instead of an `fsync` per photo is what keeps a 10,000-photo bundle fast.
public enum DurableFiles {
    /// Creates `path` (which must not exist) with exactly `mode`, and writes `bytes` to it.
    public static func writeNew(_ bytes: [UInt8], to path: String, mode: mode_t) throws(OutputError) {
        let fd = try createNew(path, mode: mode)
        defer { close(fd) }
        try writeAll(bytes, to: fd, path: path)
    }

    /// Opens a new file for writing; it must not exist. The umask may have cleared bits of
    /// `mode`, so the mode is set again explicitly: the configured mode is what the file gets.
    static func createNew(_ path: String, mode: mode_t) throws(OutputError) -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw .errno("create", path) }
        guard fchmod(fd, mode) == 0 else {
            close(fd)
            throw .errno("chmod", path)
        }
        return fd
    }

    /// Writes all of `bytes`, resuming after short writes and interruptions.
    static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(OutputError) {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if Foundation.errno == EINTR { continue }
                throw .errno("write", path)
            }
            written += n
        }
    }

    /// Writes all of `bytes` at `offset` of `fd` (`pwrite`), resuming after short writes and interruptions.
    static func writeAll(_ bytes: [UInt8], to fd: Int32, at offset: UInt64, path: String) throws(OutputError) {
        guard PositionalIO.write(bytes, to: fd, at: offset) else { throw .errno("write", path) }
    }

    /// Reads exactly `count` bytes at `offset` of `fd` (`pread`); nil when the file cannot give them.
    static func read(_ fd: Int32, count: Int, at offset: UInt64) -> [UInt8]? {
        PositionalIO.read(fd, count: count, at: offset)
    }

    /// Replaces the file at `path` atomically: a temporary file in the same folder, written, fsynced,
    /// given `mode`, renamed over `path`, and the folder fsynced. Readers see the old file or the new
    /// one, never half of one (what node_exporter's textfile collector, and a person, rely on).
    public static func replace(_ bytes: [UInt8], at path: String, mode: mode_t = 0o600) throws(OutputError) {
        let temporary = "\(path).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = try createNew(temporary, mode: mode)
        do throws(OutputError) {
            defer { close(fd) }
            try writeAll(bytes, to: fd, path: temporary)
            guard fsync(fd) == 0 else { throw .errno("fsync", temporary) }
            guard rename(temporary, path) == 0 else { throw .errno("rename", path) }
        } catch {
            unlink(temporary)
            throw error
        }
        let folder = (path as NSString).deletingLastPathComponent
        try syncDirectory(folder.isEmpty ? "." : folder)
    }

    /// Makes everything written to the file system holding `path` durable (data and metadata).
    public static func syncFileSystem(of path: String) throws(OutputError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .errno("open folder", path) }
        defer { close(fd) }
        guard cardbatch_syncfs(fd) == 0 else { throw .errno("syncfs", path) }
    }

    /// Makes a folder's entries (new names, renames) durable.
    public static func syncDirectory(_ path: String) throws(OutputError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
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
