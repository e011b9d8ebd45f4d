import CardBatchNative
import CardBatchSamples
import CardBatchTestSupport
import Foundation
import Testing

struct ZipArchiveTests {
    @Test func readsNamesSizesAndContentThroughLibzip() throws {
        let dir = TemporaryDirectory()
        var b = BundleBuilder()
        b.add("roster.csv", text: "a,b\r\n1,2\r\n")
        b.add("photos/a.jpg", [UInt8](repeating: 7, count: 5_000))
        let path = try Fixtures.write(b, "t.zip", in: dir)
        let archive = try ZipArchive(path: path)
        #expect(archive.entryCount == 2)
        let info = try archive.entry(at: 1)
        #expect(String(decoding: info.rawName, as: UTF8.self) == "photos/a.jpg")
        #expect(info.uncompressedSize == 5_000)
        #expect(!info.isEncrypted)
        let (bytes, outcome) = archive.read(index: 1, limit: info.uncompressedSize)
        #expect(bytes == [UInt8](repeating: 7, count: 5_000))
        #expect(outcome.failure == nil && !outcome.exceededLimit)
    }

    @Test func aClosedArchiveFailsEveryReadInsteadOfTouchingItsHandle() throws {
        let dir = TemporaryDirectory()
        var b = BundleBuilder()
        b.add("a.txt", text: "hello")
        let archive = try ZipArchive(path: try Fixtures.write(b, "a.zip", in: dir))
        #expect(archive.entryCount == 1)
        archive.close()
        archive.close()
        #expect(archive.entryCount == 0)
        #expect(throws: ZipError.self) { _ = try archive.entry(at: 0) }
        #expect(archive.read(index: 0, limit: 5).outcome.failure != nil)
        var compressed: [UInt8] = []
        guard case .failed = archive.readCompressed(index: 0, maxBytes: 100, into: &compressed) else {
            Issue.record("a closed archive gave compressed bytes")
            return
        }
    }

    @Test func streamingStopsAsSoonAsMoreThanTheLimitHasInflated() throws {
        let dir = TemporaryDirectory()
        var b = BundleBuilder()
        b.add("zeros.bin", [UInt8](repeating: 0, count: 3_000_000))
        let archive = try ZipArchive(path: try Fixtures.write(b, "z.zip", in: dir))
        var seen = 0
        let outcome = archive.stream(index: 0, limit: 100_000) { seen += $0.count }
        #expect(outcome.exceededLimit)
        #expect(seen <= 100_000)
        #expect(outcome.inflatedBytes < 300_000)
    }

    @Test func aCorruptedEntryFailsItsCRCCheck() throws {
        let dir = TemporaryDirectory()
        var b = BundleBuilder()
        let payload = Array("the quick brown fox jumps over the lazy dog".utf8)
        b.add("a.txt", payload, store: true)
        let path = try Fixtures.write(b, "c.zip", in: dir)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let at = bytes.firstRange(of: Array("quick".utf8))!.lowerBound
        bytes[at] = UInt8(ascii: "Q")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let archive = try ZipArchive(path: path)
        let (_, outcome) = archive.read(index: 0, limit: UInt64(payload.count))
        #expect(outcome.failure?.lowercased().contains("crc") == true)
    }

    @Test func anOpenEntryIsReadABufferAtATimeUpToItsLimit() throws {
        let dir = TemporaryDirectory()
        var b = BundleBuilder()
        let payload = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        b.add("a.bin", payload)
        let archive = try ZipArchive(path: try Fixtures.write(b, "s.zip", in: dir))
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 999, alignment: 1)
        defer { buffer.deallocate() }
        var read: [UInt8] = []
        let whole = archive.open(index: 0, limit: 10_000)
        while let n = whole.read(into: buffer), n > 0 { read += buffer[0..<n] }
        #expect(read == payload)
        #expect(whole.outcome == StreamOutcome(inflatedBytes: 10_000, exceededLimit: false, failure: nil))
        // Past its limit, reading stops (the bytes that went over are not handed out).
        let capped = archive.open(index: 0, limit: 2_500)
        var handed = 0
        while let n = capped.read(into: buffer), n > 0 { handed += n }
        #expect(capped.outcome.exceededLimit && handed <= 2_500)
    }

    /// The archive closed under an open entry (its central directory let go): the entry's handle is
    /// closed with it, and the next read fails instead of touching freed memory.
    @Test func closingTheArchiveClosesItsOpenEntries() throws {
        let dir = TemporaryDirectory()
        var b = BundleBuilder()
        b.add("a.txt", text: String(repeating: "hello ", count: 1_000))
        let archive = try ZipArchive(path: try Fixtures.write(b, "o.zip", in: dir))
        let entry = archive.open(index: 0, limit: 6_000)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 100, alignment: 1)
        defer { buffer.deallocate() }
        #expect(entry.read(into: buffer) == 100)
        archive.close()
        #expect(entry.read(into: buffer) == nil)
        #expect(entry.outcome.failure != nil)
        #expect(archive.open(index: 0, limit: 6_000).read(into: buffer) == nil)
    }

    @Test func openingSomethingThatIsNotAZipReportsLibzipsReason() throws {
        let dir = TemporaryDirectory()
        try Data("Rar!\u{1A}\u{07}\u{00} not a zip".utf8).write(to: URL(fileURLWithPath: dir.file("x.zip")))
        #expect(throws: ZipError.self) { _ = try ZipArchive(path: dir.file("x.zip")) }
        do {
            _ = try ZipArchive(path: dir.file("x.zip"))
        } catch {
            #expect(error.message == "Not a zip archive")
        }
    }

    @Test func tellsFlaggedUTF8NamesFromUnflaggedGBKNamesAndReadsUnixModes() throws {
        let dir = TemporaryDirectory()
        var b = BundleBuilder()
        b.add("照片/张三.jpg", [1])
        b.add(rawName: GB18030.encode("照片/李四.jpg")!, [2])
        b.addSymlink("link", target: "/etc/passwd")
        let archive = try ZipArchive(path: try Fixtures.write(b, "n.zip", in: dir))
        let utf8 = try archive.entry(at: 0), gbk = try archive.entry(at: 1), link = try archive.entry(at: 2)
        #expect(utf8.isFlaggedUTF8)
        #expect(!gbk.isFlaggedUTF8)
        #expect(gbk.rawName == GB18030.encode("照片/李四.jpg")!)
        #expect(link.unixMode.map { $0 & 0o170000 } == 0o120000)
    }

    @Test func readsTheEncryptionFlagOfAPasswordProtectedEntry() throws {
        let dir = TemporaryDirectory()
        var b = BundleBuilder()
        b.add("roster.csv", text: "x")
        let path = try Fixtures.write(b, "e.zip", in: dir)
        try ZipPatch.markEncrypted(path)
        #expect(try ZipArchive(path: path).entry(at: 0).isEncrypted)
    }
}
