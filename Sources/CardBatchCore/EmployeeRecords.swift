/// Where a roster's employees are kept when not in memory: bytes appended once and read back by
/// position. The pipeline gives an unlinked file in the output folder, so a roster of 100,000
/// employees (some 350 bytes each in memory) is not held while their photos are judged.
public protocol RecordStorage: AnyObject, Sendable {
    /// Appends `bytes` and returns the offset they start at; nil when they could not be kept (the
    /// storage keeps the failure for its owner, who must not use a roster built on it).
    func append(_ bytes: [UInt8]) -> UInt64?
    /// The `count` bytes appended at `offset`.
    func read(count: Int, at offset: UInt64) -> [UInt8]
}

/// A roster's employees in roster order: in memory (`[a, b]`, `init(_:)`), or in a `RecordStorage`
/// with only each record's place in memory (16 bytes an employee).
public struct EmployeeRecords: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    private struct Place: Sendable {
        let offset: UInt64
        let count: Int
    }

    private var inMemory: [EmployeeRecord] = []
    private let storage: (any RecordStorage)?
    private var places: [Place] = []

    public init(_ records: [EmployeeRecord]) {
        inMemory = records
        storage = nil
    }

    public init(arrayLiteral records: EmployeeRecord...) { self.init(records) }

    /// An empty list whose records go to `storage` as they are appended.
    public init(storage: any RecordStorage) { self.storage = storage }

    /// Adds `record` at the end. With a storage that could not keep it, the record is not added:
    /// the storage holds the failure, and its owner checks it before using the list.
    public mutating func append(_ record: EmployeeRecord) {
        guard let storage else { return inMemory.append(record) }
        var encoder = SpillEncoder(capacity: 256)
        record.encode(into: &encoder)
        if let offset = storage.append(encoder.bytes) { places.append(Place(offset: offset, count: encoder.bytes.count)) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage == nil ? inMemory.count : places.count }

    public subscript(index: Int) -> EmployeeRecord {
        guard let storage else { return inMemory[index] }
        let place = places[index]
        let record = storage.read(count: place.count, at: place.offset).withUnsafeBytes { raw -> EmployeeRecord? in
            var decoder = SpillDecoder(raw)
            let record = EmployeeRecord(decoding: &decoder)
            return decoder.isAtEnd ? record : nil
        }
        guard let record else {
            fatalError("cardbatch read back a damaged roster record at offset \(place.offset) of its own record storage")
        }
        return record
    }

    public static func == (a: EmployeeRecords, b: EmployeeRecords) -> Bool { a.elementsEqual(b) }
}

extension EmployeeRecord {
    /// How a spill keeps a record (the roster's, and the results' with each judged employee): row,
    /// line, path, format, then its packed texts as they lie.
    public func encode(into e: inout SpillEncoder) {
        e.integer(row)
        e.optionalInteger(line)
        e.optionalText(path)
        e.byte(format == .xml ? 1 : 0)
        e.rawBytes(packed)
    }

    /// Reads what `encode(into:)` wrote; nil for bytes it could not have written.
    public init?(decoding d: inout SpillDecoder) {
        guard let row = d.integer(), let line = d.optionalInteger(), let path = d.optionalText(), let format = d.byte(), format <= 1,
              let packed = d.rawBytes() else { return nil }
        self.init(row: row, line: line, path: path, format: format == 1 ? .xml : .csv, packed: packed)
    }
}
