public import CardBatchCore
import CardBatchNative
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a bundle's roster records are kept while its photos are judged: a file in the output
/// folder, unlinked at once, so only this object's descriptor keeps it (never published, gone when
/// the process ends, however it ends). What stays in memory is each record's place (16 bytes an
/// employee); the page cache, not the process, holds the records.
///
/// Appends reserve their range under a lock and write with `pwrite` outside it; reads use `pread`,
/// so the workers read while nothing appends. The first failure to write is kept (`failure`): a
/// roster built on this spill is incomplete then, and its owner must not use it.
public final class RosterSpill: RecordStorage {
    private let fd: Int32
    public let path: String
    private let state = Locked<(end: UInt64, failure: String?)>((0, nil))

    /// A new spill in `folder` (which must exist), created with `mode`.
    public init(folder: String, mode: UInt32 = 0o600) throws(RosterSpillError) {
        path = "\(folder)/.roster.spill-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(mode))
        guard fd >= 0 else { throw RosterSpillError(message: "cannot create \(path): \(String(cString: strerror(errno)))") }
        unlink(path)
    }

    deinit { close(fd) }

    /// Why a write failed (the first failure), or nil.
    public var failure: String? { state.withLock { $0.failure } }

    public func append(_ bytes: [UInt8]) -> UInt64? {
        guard let offset = state.withLock({ state -> UInt64? in
            guard state.failure == nil else { return nil }
            defer { state.end += UInt64(bytes.count) }
            return state.end
        }) else { return nil }
        guard PositionalIO.write(bytes, to: fd, at: offset) else {
            let reason = "cannot write \(path): \(String(cString: strerror(errno)))"
            state.withLock { $0.failure = $0.failure ?? reason }
            return nil
        }
        return offset
    }

    public func read(count: Int, at offset: UInt64) -> [UInt8] {
        guard let bytes = PositionalIO.read(fd, count: count, at: offset) else {
            fatalError("cardbatch could not read back its roster spill \(path): \(String(cString: strerror(errno)))")
        }
        return bytes
    }
}

/// The roster spill could not be created.
public struct RosterSpillError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
