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
        let bytes = record.storedBytes
        if let offset = storage.append(bytes) { places.append(Place(offset: offset, count: bytes.count)) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage == nil ? inMemory.count : places.count }

    public subscript(index: Int) -> EmployeeRecord {
        guard let storage else { return inMemory[index] }
        let place = places[index]
        guard let record = EmployeeRecord(storedBytes: storage.read(count: place.count, at: place.offset)) else {
            fatalError("cardbatch read back a damaged roster record at offset \(place.offset) of its own record storage")
        }
        return record
    }

    public static func == (a: EmployeeRecords, b: EmployeeRecords) -> Bool { a.elementsEqual(b) }
}

extension EmployeeRecord {
    /// The record as `RecordStorage` keeps it: row and line (8 bytes each, little-endian; a line of
    /// -1 is none), the format (1 byte), the path's UTF-8 length (4 bytes; all ones for none) and
    /// text, then the packed field texts.
    var storedBytes: [UInt8] {
        var bytes: [UInt8] = []
        let pathBytes = path.map { Array($0.utf8) }
        bytes.reserveCapacity(21 + (pathBytes?.count ?? 0) + packed.count)
        Self.appendInteger(UInt64(bitPattern: Int64(row)), size: 8, to: &bytes)
        Self.appendInteger(UInt64(bitPattern: Int64(line ?? -1)), size: 8, to: &bytes)
        bytes.append(format == .xml ? 1 : 0)
        Self.appendInteger(pathBytes.map { UInt64($0.count) } ?? 0xFFFF_FFFF, size: 4, to: &bytes)
        bytes += pathBytes ?? []
        bytes += packed
        return bytes
    }

    /// Rebuilds what `storedBytes` gave; nil for bytes it could not have given.
    init?(storedBytes bytes: [UInt8]) {
        guard bytes.count >= 21 else { return nil }
        func integer(at start: Int, size: Int) -> UInt64 {
            (0..<size).reduce(0) { $0 | UInt64(bytes[start + $1]) << (8 * UInt64($1)) }
        }
        let row = Int(Int64(bitPattern: integer(at: 0, size: 8)))
        let line = Int(Int64(bitPattern: integer(at: 8, size: 8)))
        guard bytes[16] <= 1 else { return nil }
        let pathLength = integer(at: 17, size: 4)
        var start = 21
        var path: String? = nil
        if pathLength != 0xFFFF_FFFF {
            guard pathLength <= UInt64(bytes.count - start) else { return nil }
            path = String(decoding: bytes[start..<(start + Int(pathLength))], as: UTF8.self)
            start += Int(pathLength)
        }
        self.init(row: row, line: line == -1 ? nil : line, path: path, format: bytes[16] == 1 ? .xml : .csv, packed: Array(bytes[start...]))
    }

    private static func appendInteger(_ value: UInt64, size: Int, to bytes: inout [UInt8]) {
        for i in 0..<size { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(i)))) }
    }
}
