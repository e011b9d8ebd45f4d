@testable import CardBatchCore
import Testing

/// A `RecordStorage` in memory that can be told to refuse one append (the product's is `RosterSpill`,
/// a file, tested in the intake's tests).
final class BytesStorage: RecordStorage {
    private let state: Locked<(bytes: [UInt8], appends: Int)> = Locked(([], 0))
    private let refusedAppend: Int?

    init(refusingAppend refused: Int? = nil) { refusedAppend = refused }

    var byteCount: Int { state.withLock { $0.bytes.count } }

    func append(_ bytes: [UInt8]) -> UInt64? {
        state.withLock { state in
            state.appends += 1
            guard state.appends != refusedAppend else { return nil }
            defer { state.bytes += bytes }
            return UInt64(state.bytes.count)
        }
    }

    func read(count: Int, at offset: UInt64) -> [UInt8] {
        state.withLock { Array($0.bytes[Int(offset)..<(Int(offset) + count)]) }
    }
}

struct EmployeeRecordsTests {
    static let records: [EmployeeRecord] = [
        EmployeeRecord(row: 1, line: 2, format: .csv, values: EmployeeRecordTests.values),
        EmployeeRecord(row: 2, line: nil, path: "/roster/employees/employee[2]", format: .xml, values: [.surname: "O'NEIL", .passportNumber: "X1"]),
        EmployeeRecord(row: 3, format: .csv, values: [:]),
        EmployeeRecord(row: 4, line: 70_000, path: "", format: .xml, values: [.surname: String(repeating: "长", count: 30_000)]),
    ]

    @Test func recordsKeptInAStorageReadBackEqualToTheOnesKeptInMemory() {
        let storage = BytesStorage()
        var kept = EmployeeRecords(storage: storage)
        for record in Self.records { kept.append(record) }
        #expect(kept.count == Self.records.count)
        for (index, record) in Self.records.enumerated() { #expect(kept[index] == record, "record \(index)") }
        #expect(kept == EmployeeRecords(Self.records))
        // Nothing but each record's place stays in memory: the texts are in the storage.
        #expect(storage.byteCount > 90_000)
    }

    @Test func aRecordTheStorageCouldNotKeepIsNotListed() {
        var kept = EmployeeRecords(storage: BytesStorage(refusingAppend: 2))
        for record in Self.records { kept.append(record) }
        #expect(kept.map(\.row) == [1, 3, 4])
    }

    @Test func storedBytesThatAreDamagedAreRefused() {
        let bytes = Self.records[1].storedBytes
        #expect(EmployeeRecord(storedBytes: bytes) == Self.records[1])
        #expect(EmployeeRecord(storedBytes: Array(bytes.prefix(20))) == nil, "shorter than the fixed part")
        var format = bytes
        format[16] = 7
        #expect(EmployeeRecord(storedBytes: format) == nil, "an unknown format byte")
        var path = bytes
        path[17] = 0xF0
        #expect(EmployeeRecord(storedBytes: path) == nil, "a path longer than the bytes")
        #expect(EmployeeRecord(storedBytes: Array(bytes.dropLast())) == nil, "the last field's end past the texts")
        var order = bytes
        let fields = 21 + "/roster/employees/employee[2]".utf8.count
        order[fields] = 1  // the first field (empty) ends at 1, after the second (empty, at 0), within the 8 bytes of text
        #expect(EmployeeRecord(storedBytes: order) == nil, "field ends out of order")
    }
}
