import Foundation

/// A scratch file for one run: created in a folder and unlinked at once, so only its descriptor keeps
/// it (never published, gone when the process ends, however it ends). Bytes are appended once and read
/// back by position: the roster's records and the judged employees are kept this way, not in memory.
/// Appends reserve their range under a lock and write with `pwrite` outside it; reads use `pread`, so
/// any thread may read while others append.
///
/// `@unchecked Sendable` is safe: `end` is only read or written holding `lock` (an `NSLock`: a
/// `pthread_mutex_t`, which every sanitizer intercepts); `fd` and `path` never change, and `pwrite`
/// and `pread` of distinct ranges of one descriptor are safe from any thread.
public final class SpillFile: @unchecked Sendable {
    public let path: String
    private let fd: Int32
    private let lock = NSLock()
    private var end: UInt64 = 0

    /// A new spill file in `folder` (which must exist), named `.NAME-PID-RANDOM`, created with `mode`.
    public init(folder: String, name: String, mode: UInt32) throws(SpillFileError) {
        path = "\(folder)/.\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(mode))
        guard fd >= 0 else { throw SpillFileError(message: "cannot create \(path): \(String(cString: strerror(errno)))") }
        unlink(path)
    }

    deinit { close(fd) }

    /// Appends `bytes` and returns the offset they start at.
    public func append(_ bytes: [UInt8]) throws(SpillFileError) -> UInt64 {
        lock.lock()
        let offset = end
        end += UInt64(bytes.count)
        lock.unlock()
        guard PositionalIO.write(bytes, to: fd, at: offset) else {
            throw SpillFileError(message: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        return offset
    }

    /// The `count` bytes appended at `offset`; nil when the file cannot give them.
    public func read(count: Int, at offset: UInt64) -> [UInt8]? {
        PositionalIO.read(fd, count: count, at: offset)
    }
}

/// A spill file could not be created or written: the path and the system's message.
public struct SpillFileError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
