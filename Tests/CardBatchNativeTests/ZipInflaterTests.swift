import CardBatchCore
import CardBatchNative
import CardBatchSamples
import CardBatchTestSupport
import Dispatch
import Foundation
import Testing

/// The workers' path: libzip hands over an entry's compressed bytes under the archive's lock, and
/// each worker inflates them with its own zlib stream. It must give what libzip's own inflation gives.
struct ZipInflaterTests {
    static func payload(_ seed: Int, count: Int) -> [UInt8] {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 | 1
        return (0..<count).map { i in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return i % 3 == 0 ? UInt8(truncatingIfNeeded: state) : UInt8(i % 251)  // part noise, part pattern
        }
    }

    static func inflated(_ archive: ZipArchive, _ index: Int, limit: UInt64, inflater: ZipInflater,
                         maxCompressed: UInt64 = 1 << 30) -> ([UInt8], StreamOutcome) {
        var compressed: [UInt8] = []
        var bytes: [UInt8] = []
        switch archive.readCompressed(index: index, maxBytes: maxCompressed, into: &compressed) {
        case .compressed(let deflated, let crc):
            let outcome = inflater.inflate(compressed, deflated: deflated, crc: crc, limit: limit) { bytes.append(contentsOf: $0) }
            return (bytes, outcome)
        case .otherMethod:
            return ([], StreamOutcome(inflatedBytes: 0, exceededLimit: false, failure: "other method"))
        case .failed(let message):
            return ([], StreamOutcome(inflatedBytes: 0, exceededLimit: false, failure: message))
        }
    }

    @Test func storedAndDeflatedEntriesInflateToWhatLibzipGivesFromSeveralThreadsOverOneHandle() throws {
        let dir = TemporaryDirectory()
        var b = BundleBuilder()
        let payloads = (0..<24).map { Self.payload($0, count: [0, 1, 700, 65_536, 65_537, 200_000][$0 % 6]) }
        for (i, p) in payloads.enumerated() { b.add("e\(i).bin", p, store: i % 2 == 0) }
        let archive = try ZipArchive(path: try Fixtures.write(b, "m.zip", in: dir))
        let mismatches = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            let inflater = ZipInflater()
            for round in 0..<3 {
                for i in stride(from: (worker + round) % 4, to: payloads.count, by: 4) {
                    let (bytes, outcome) = Self.inflated(archive, i, limit: UInt64(payloads[i].count), inflater: inflater)
                    let (reference, _) = archive.read(index: i, limit: UInt64(payloads[i].count))
                    if bytes != payloads[i] || bytes != reference || outcome.failure != nil || outcome.exceededLimit
                        || outcome.inflatedBytes != UInt64(payloads[i].count) {
                        mismatches.withLock { $0.append("entry \(i): \(outcome)") }
                    }
                }
            }
        }
        #expect(mismatches.withLock { $0 }.isEmpty)
    }

    @Test func aChangedByteIsACRCErrorWhenStoredAndAZlibErrorOrCRCErrorWhenDeflated() throws {
        for store in [true, false] {
            let dir = TemporaryDirectory()
            var b = BundleBuilder()
            let payload = Array(String(repeating: "the quick brown fox jumps over the lazy dog ", count: 40).utf8)
            b.add("a.txt", payload, store: store)
            let path = try Fixtures.write(b, "c.zip", in: dir)
            var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            // The entry's data starts after its 30-byte local header, its name and its extra field.
            let dataStart = 30 + Int(bytes[26]) + Int(bytes[27]) << 8 + Int(bytes[28]) + Int(bytes[29]) << 8
            bytes[dataStart + 20] ^= 0x5A
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let archive = try ZipArchive(path: path)
            let (_, outcome) = Self.inflated(archive, 0, limit: UInt64(payload.count), inflater: ZipInflater())
            let failure = try #require(outcome.failure, "store: \(store)")
            #expect(store ? failure == "CRC error" : (failure == "CRC error" || failure.hasPrefix("Zlib error")))
            // libzip's own inflation refuses it too.
            #expect(archive.read(index: 0, limit: UInt64(payload.count)).outcome.failure != nil)
        }
    }

    @Test func inflationStopsAsSoonAsMoreThanTheLimitHasComeOut() throws {
        let dir = TemporaryDirectory()
        var b = BundleBuilder()
        b.add("zeros.bin", [UInt8](repeating: 0, count: 3_000_000))
        let archive = try ZipArchive(path: try Fixtures.write(b, "z.zip", in: dir))
        var seen = 0
        var compressed: [UInt8] = []
        guard case .compressed(let deflated, let crc) = archive.readCompressed(index: 0, maxBytes: 1 << 30, into: &compressed) else {
            Issue.record("no compressed bytes")
            return
        }
        #expect(deflated)
        let outcome = ZipInflater().inflate(compressed, deflated: deflated, crc: crc, limit: 100_000) { seen += $0.count }
        #expect(outcome.exceededLimit)
        #expect(seen <= 100_000)
        #expect(outcome.inflatedBytes < 300_000)
    }

    @Test func compressedBytesBeyondWhatTheirSizeAllowsAreNotReadAndACutStreamFails() throws {
        let dir = TemporaryDirectory()
        var b = BundleBuilder()
        let payload = Self.payload(7, count: 50_000)
        b.add("p.bin", payload)
        let archive = try ZipArchive(path: try Fixtures.write(b, "p.zip", in: dir))
        var compressed: [UInt8] = []
        guard case .failed(let message) = archive.readCompressed(index: 0, maxBytes: 100, into: &compressed) else {
            Issue.record("more compressed bytes than allowed were read")
            return
        }
        #expect(message.contains("larger than"))
        guard case .compressed(let deflated, let crc) = archive.readCompressed(index: 0, maxBytes: 1 << 30, into: &compressed) else {
            Issue.record("no compressed bytes")
            return
        }
        let inflater = ZipInflater()
        for cut in [0, 1, compressed.count / 2, compressed.count - 1] {
            let outcome = inflater.inflate(Array(compressed.prefix(cut)), deflated: deflated, crc: crc, limit: UInt64(payload.count)) { _ in }
            #expect(outcome.failure != nil, "cut to \(cut) of \(compressed.count) bytes")
        }
        // The same inflater still inflates a whole entry after those failures.
        var bytes: [UInt8] = []
        let outcome = inflater.inflate(compressed, deflated: deflated, crc: crc, limit: UInt64(payload.count)) { bytes.append(contentsOf: $0) }
        #expect(outcome.failure == nil)
        #expect(bytes == payload)
    }
}
