public import CardBatchCore
public import CardBatchNative
import Foundation

/// Where a bundle's roster records are kept while its photos are judged: a `SpillFile` in the output
/// folder. What stays in memory is each record's place (16 bytes an employee); the page cache, not the
/// process, holds the records. The first failure to write is kept (`failure`): a roster built on this
/// spill is incomplete then, and its owner must not use it.
public final class RosterSpill: RecordStorage {
    private let file: SpillFile
    private let firstFailure = Locked<String?>(nil)

    /// A new spill in `folder` (which must exist), created with `mode`.
    public init(folder: String, mode: UInt32 = 0o600) throws(SpillFileError) {
        file = try SpillFile(folder: folder, name: "roster.spill", mode: mode)
    }

    public var path: String { file.path }

    /// Why a write failed (the first failure), or nil.
    public var failure: String? { firstFailure.withLock { $0 } }

    public func append(_ bytes: [UInt8]) -> UInt64? {
        guard failure == nil else { return nil }
        do {
            return try file.append(bytes)
        } catch {
            firstFailure.withLock { $0 = $0 ?? error.message }
            return nil
        }
    }

    public func read(count: Int, at offset: UInt64) -> [UInt8] {
        guard let bytes = file.read(count: count, at: offset) else {
            fatalError("cardbatch could not read back its roster spill \(path): \(String(cString: strerror(errno)))")
        }
        return bytes
    }
}
