import CardBatchCore
@testable import CardBatchOutput
import Testing

struct ManifestEntriesTests {
    static func digest(_ n: UInt8) -> Digest256 { Digest256(hex: String(repeating: String(n, radix: 16), count: 64))! }

    static func listed(_ entries: ManifestEntries) -> [String] {
        var lines: [String] = []
        entries.forEachSorted { (name: ArraySlice<UInt8>, digest: Digest256) in
            lines.append("\(String(decoding: name, as: UTF8.self)) \(digest.hex.prefix(1))")
        }
        return lines
    }

    @Test func filesAreListedByNameBytewiseWhateverOrderTheyWereWrittenIn() {
        var entries = ManifestEntries()
        for (name, n) in [("rejected/row-00002.json", 1), ("accepted/photos/FRA-b.jpg", 2), ("accepted/photos/FRA-a.jpg", 3),
                          ("bundle-report.json", 4), ("accepted/records.csv", 5), ("accepted/photos/FRA-ab.jpg", 6)] {
            entries.add(name, Self.digest(UInt8(n)))
        }
        #expect(Self.listed(entries) == [
            "accepted/photos/FRA-a.jpg 3", "accepted/photos/FRA-ab.jpg 6", "accepted/photos/FRA-b.jpg 2",
            "accepted/records.csv 5", "bundle-report.json 4", "rejected/row-00002.json 1",
        ])
    }

    @Test func aRemovedFileIsLeftOutUnlessItIsWrittenAgainAfterwards() {
        var entries = ManifestEntries()
        entries.add("accepted/photos/A.jpg", Self.digest(1))
        entries.add("accepted/photos/B.jpg", Self.digest(2))
        entries.add("accepted/photos/C.jpg", Self.digest(3))
        entries.remove("accepted/photos/B.jpg")
        entries.remove("accepted/photos/C.jpg")
        entries.add("accepted/photos/C.jpg", Self.digest(4))
        entries.remove("accepted/photos/never-written.jpg")
        #expect(Self.listed(entries) == ["accepted/photos/A.jpg 1", "accepted/photos/C.jpg 4"])
    }
}
