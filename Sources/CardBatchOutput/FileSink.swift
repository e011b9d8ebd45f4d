import CardBatchNative
import Foundation

/// Writes one new file through a 64 KiB buffer, hashing what it writes, so large outputs (the
/// records of 10,000 employees, their bundle report) never exist as one string in memory.
/// Belongs to one writer at a time.
public final class FileSink {
    private let fd: Int32
    private let path: String
    private var buffer: [UInt8] = []
    private let hasher = SHA256()
    private static let capacity = 64 * 1024

    init(creating path: String, mode: mode_t) throws(OutputError) {
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw .errno("create", path) }
        self.path = path
        // The umask may have cleared bits of `mode`; the configured mode is what the file gets.
        guard fchmod(fd, mode) == 0 else {
            close(fd)
            throw .errno("chmod", path)
        }
        buffer.reserveCapacity(Self.capacity)
    }

    deinit { if fd >= 0 { close(fd) } }

    public func write(_ text: String) throws(OutputError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.capacity { try flush() }
    }

    public func write(_ bytes: [UInt8]) throws(OutputError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.capacity { try flush() }
    }

    private func flush() throws(OutputError) {
        hasher.update(buffer)
        var written = 0
        while written < buffer.count {
            let n = buffer.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + written, buffer.count - written) }
            if n < 0 {
                if Foundation.errno == EINTR { continue }
                throw .errno("write", path)
            }
            written += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and returns the SHA-256 of everything written.
    func finish() throws(OutputError) -> String {
        try flush()
        return hasher.finalizeHex()
    }
}
