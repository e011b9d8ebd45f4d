import CardBatchCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Judged employees, written out as the workers judge them and read back one at a time when the
/// reports are written, so that a bundle's memory does not grow with its employees: what stays in
/// memory per employee is where its result lies in the file and whether it was accepted.
///
/// The file is created in the bundle's private staging folder and unlinked at once: only this
/// object's descriptor keeps it, so it is never published, never listed in the manifest, and gone
/// when the process ends, however it ends. Appends reserve their range under a lock and write with
/// `pwrite` outside it; reads use `pread`, so any thread may read while others append.
public final class ResultSpill: Sendable {
    struct Slice: Sendable {
        let offset: UInt64
        let count: Int
    }

    private let fd: Int32
    let path: String
    private let end = Locked<UInt64>(0)

    init(folder: String, mode: mode_t) throws(OutputError) {
        path = "\(folder)/.results.spill-\(UInt32.random(in: 0...UInt32.max))"
        fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw .errno("create", path) }
        unlink(path)
    }

    deinit { close(fd) }

    /// Appends one encoded value and returns where it lies.
    func append(_ bytes: [UInt8]) throws(OutputError) -> Slice {
        let offset = end.withLock { end in
            defer { end += UInt64(bytes.count) }
            return end
        }
        try DurableFiles.writeAll(bytes, to: fd, at: offset, path: path)
        return Slice(offset: offset, count: bytes.count)
    }

    /// Writes one judged employee.
    func store(_ result: EmployeeResult) throws(OutputError) -> Slice {
        var encoder = SpillEncoder()
        result.encode(into: &encoder)
        return try append(encoder.bytes)
    }

    /// Reads back what `store` wrote.
    func load(_ slice: Slice) -> EmployeeResult {
        guard let buffer = DurableFiles.read(fd, count: slice.count, at: slice.offset) else {
            fatalError("cardbatch could not read back its results spill \(path): \(String(cString: strerror(errno)))")
        }
        let result = buffer.withUnsafeBytes { bytes -> EmployeeResult? in
            var decoder = SpillDecoder(bytes)
            let result = EmployeeResult(decoding: &decoder)
            return decoder.isAtEnd ? result : nil
        }
        guard let result else { fatalError("cardbatch's results spill \(path) holds a damaged record at \(slice.offset)") }
        return result
    }
}

/// Collects a bundle's judged employees from several workers, each result written to a
/// `ResultSpill` as soon as it is judged; `finish()` gives them as one `EmployeeResults`.
public final class EmployeeResultsBuilder: Sendable {
    private let spill: ResultSpill
    private let slots: Locked<(slices: [ResultSpill.Slice], accepted: [Bool])>

    public init(count: Int, spill: ResultSpill) {
        self.spill = spill
        slots = Locked((Array(repeating: ResultSpill.Slice(offset: 0, count: 0), count: count), Array(repeating: false, count: count)))
    }

    /// Stores the result of employee `index` (0-based roster position). Safe from several threads.
    public func set(_ result: EmployeeResult, at index: Int) throws(OutputError) {
        let slice = try spill.store(result)
        slots.withLock {
            $0.slices[index] = slice
            $0.accepted[index] = result.isAccepted
        }
    }

    /// Every employee set so far, in roster order.
    public func finish() -> EmployeeResults {
        slots.withLock { EmployeeResults(spill: spill, slices: $0.slices, accepted: $0.accepted) }
    }
}
