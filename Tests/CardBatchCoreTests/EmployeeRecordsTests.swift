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

    static func encoded(_ record: EmployeeRecord) -> [UInt8] {
        var encoder = SpillEncoder()
        record.encode(into: &encoder)
        return encoder.bytes
    }

    static func decoded(_ bytes: [UInt8]) -> EmployeeRecord? {
        bytes.withUnsafeBytes { raw in
            var decoder = SpillDecoder(raw)
            let record = EmployeeRecord(decoding: &decoder)
            return decoder.isAtEnd ? record : nil
        }
    }

    @Test func aSpilledRecordThatIsDamagedIsRefused() {
        let record = Self.records[1]
        #expect(Self.decoded(Self.encoded(record)) == record)
        #expect(Self.decoded(Array(Self.encoded(record).dropLast())) == nil, "cut short")
        var format = SpillEncoder()
        format.integer(2); format.optionalInteger(nil); format.optionalText(nil); format.byte(7); format.rawBytes(record.packed)
        #expect(Self.decoded(format.bytes) == nil, "an unknown format byte")
        var order = record.packed
        order[0] = 1  // the first field (empty) ends at 1, after the second (empty, at 0), within the texts
        var disordered = SpillEncoder()
        disordered.integer(2); disordered.optionalInteger(nil); disordered.optionalText(nil); disordered.byte(1); disordered.rawBytes(order)
        #expect(Self.decoded(disordered.bytes) == nil, "field ends out of order")
        var short = SpillEncoder()
        short.integer(2); short.optionalInteger(nil); short.optionalText(nil); short.byte(1); short.rawBytes(Array(record.packed.dropLast()))
        #expect(Self.decoded(short.bytes) == nil, "the last field's end past the texts")
    }
}
