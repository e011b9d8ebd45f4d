import CardBatchCore
import CardBatchNative
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Judged employees, written out as the workers judge them and read back one at a time when the
/// reports are written, so that a bundle's memory does not grow with its employees: what stays in
/// memory per employee is where its result lies in the file and whether it was accepted. The file is a
/// `SpillFile` in the bundle's private staging folder.
public final class ResultSpill: Sendable {
    struct Slice: Sendable {
        let offset: UInt64
        let count: Int
    }

    private let file: SpillFile
    var path: String { file.path }

    init(folder: String, mode: mode_t) throws(OutputError) {
        do {
            file = try SpillFile(folder: folder, name: "results.spill", mode: UInt32(mode))
        } catch {
            throw OutputError(path: folder, operation: "create a results spill in", message: error.message)
        }
    }

    /// Appends one encoded value and returns where it lies.
    func append(_ bytes: [UInt8]) throws(OutputError) -> Slice {
        do {
            return Slice(offset: try file.append(bytes), count: bytes.count)
        } catch {
            throw OutputError(path: path, operation: "write", message: error.message)
        }
    }

    /// Writes one judged employee.
    func store(_ result: EmployeeResult) throws(OutputError) -> Slice {
        var encoder = SpillEncoder()
        result.encode(into: &encoder)
        return try append(encoder.bytes)
    }

    /// Reads back what `store` wrote.
    func load(_ slice: Slice) -> EmployeeResult {
        guard let buffer = file.read(count: slice.count, at: slice.offset) else {
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
