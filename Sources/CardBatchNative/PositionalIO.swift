#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `pwrite` and `pread` of a whole buffer, resuming after short transfers and interruptions: what the
/// spill files (the roster's records, the judged results, the page's thumbnails) are written and read
/// back with, from several threads at once.
public enum PositionalIO {
    /// Writes all of `bytes` at `offset` of `fd`; false with `errno` set when the file would not take them.
    public static func write(_ bytes: [UInt8], to fd: Int32, at offset: UInt64) -> Bool {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress! + written, bytes.count - written, off_t(offset) + off_t(written)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            written += n
        }
        return true
    }

    /// Exactly `count` bytes at `offset` of `fd`; nil when the file cannot give them.
    public static func read(_ fd: Int32, count: Int, at offset: UInt64) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(offset) + off_t(done)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            done += n
        }
        return bytes
    }
}
