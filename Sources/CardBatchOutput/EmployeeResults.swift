public import CardBatchCore

/// A bundle's judged employees in roster order: held in memory (small results, tests, a bundle
/// refused as a whole) or read back one at a time from a `ResultSpill` (a bundle the workers
/// judged), so that iterating 100,000 employees holds one of them at a time.
///
/// What stays in memory per employee is whether they are accepted (counts and filters without
/// reading the spill) and, for the few that later checks reject, the findings those checks added.
public struct EmployeeResults: RandomAccessCollection, Sendable {
    private enum Storage: Sendable {
        case memory([EmployeeResult])
        case spill(ResultSpill, [ResultSpill.Slice])
    }

    private let storage: Storage
    /// Findings added after the workers judged (shared photos, employees another bundle holds), by index.
    private var added: [Int: [Finding]] = [:]
    private var acceptedFlags: [Bool]

    public init(_ results: [EmployeeResult]) {
        storage = .memory(results)
        acceptedFlags = results.map(\.isAccepted)
    }

    init(spill: ResultSpill, slices: [ResultSpill.Slice], accepted: [Bool]) {
        storage = .spill(spill, slices)
        acceptedFlags = accepted
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { acceptedFlags.count }

    public subscript(position: Int) -> EmployeeResult {
        let base: EmployeeResult
        switch storage {
        case .memory(let results): base = results[position]
        case .spill(let spill, let slices): base = spill.load(slices[position])
        }
        guard let more = added[position] else { return base }
        return base.adding(more)
    }

    /// Whether employee `position` is accepted, without reading their result.
    public func isAccepted(at position: Int) -> Bool { acceptedFlags[position] }

    /// How many are accepted, without reading any result.
    public var acceptedCount: Int { acceptedFlags.reduce(0) { $0 + ($1 ? 1 : 0) } }

    /// Some of the employees, read one at a time as they are reached.
    public typealias Selection = LazyMapCollection<LazyFilterCollection<Range<Int>>, EmployeeResult>

    /// The accepted employees, read one at a time.
    public var accepted: Selection { indices.lazy.filter { self.acceptedFlags[$0] }.map { self[$0] } }
    /// The rejected employees, read one at a time.
    public var rejected: Selection { indices.lazy.filter { !self.acceptedFlags[$0] }.map { self[$0] } }

    /// The same employees with more findings for some of them (by index); each verdict follows
    /// from the findings.
    public func adding(_ more: [Int: [Finding]]) -> EmployeeResults {
        var copy = self
        for (index, findings) in more where !findings.isEmpty {
            copy.added[index, default: []] += findings
            copy.acceptedFlags[index] = copy.acceptedFlags[index] && !findings.hasErrors
        }
        return copy
    }
}
