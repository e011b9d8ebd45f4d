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
        fd = try DurableFiles.createNew(path, mode: mode)
        self.path = path
        buffer.reserveCapacity(Self.capacity)
    }

    deinit { close(fd) }

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
        try DurableFiles.writeAll(buffer, to: fd, path: path)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and returns the SHA-256 of everything written.
    func finish() throws(OutputError) -> String {
        try flush()
        return hasher.finalizeHex()
    }
}
