import CardBatchCore
import CardBatchIntake
import CardBatchNative
import CardBatchSamples
import CardBatchTestSupport
import Foundation
import Testing

/// The catalogue keeps only entry indices and key hashes, and reads names back from real libzip.
struct ArchiveCatalogueTests {
    func catalogue(_ names: [String], wrapper: String = "", hash: @escaping @Sendable (String) -> Int = { $0.hashValue }) throws -> ArchiveCatalogue {
        var builder = BundleBuilder()
        for name in names { builder.add(name, text: "bytes of \(name)") }
        let dir = TemporaryDirectory()
        let archive = try ZipArchive(path: try Fixtures.write(builder, "c.zip", in: dir))
        let files = try (0..<archive.entryCount).map { EntryName.facts(try archive.entry(at: $0)) }
        return ArchiveCatalogue(archive: archive, files: files, wrapper: wrapper, hash: hash)
    }

    @Test func everyFileIsFoundByItsReferenceKeyAndAnUnknownKeyIsNot() throws {
        let c = try catalogue(["wrap/roster.csv", "wrap/Photos/Ann.JPG", "wrap/photos/bob.jpg"], wrapper: "wrap/")
        #expect(c["roster.csv"]?.name == "wrap/roster.csv")
        #expect(c[BundleLayout.referenceKey("photos\\ann.jpg")]?.name == "wrap/Photos/Ann.JPG")
        #expect(c["photos/bob.jpg"]?.index == 2)
        #expect(c["photos/carol.jpg"] == nil)
        #expect(c["wrap/roster.csv"] == nil)
    }

    /// Every key hashing alike: each lookup still compares the name read back from libzip.
    @Test func keysWhoseHashesCollideAreStillToldApart() throws {
        let names = (0..<20).map { "photos/p\($0).jpg" }
        let c = try catalogue(names, hash: { _ in 7 })
        for (i, name) in names.enumerated() { #expect(c[name]?.index == i) }
        #expect(c["photos/p20.jpg"] == nil)
    }

    /// Two files with one key (they differ by letter case only): the later one is found, as a
    /// dictionary of names keeps the last, whether or not their hashes collide with other keys.
    @Test func ofTwoFilesWithOneKeyTheLaterIsFound() throws {
        for hash: @Sendable (String) -> Int in [{ $0.hashValue }, { _ in 1 }] {
            let c = try catalogue(["photos/a.jpg", "photos/b.jpg", "Photos/A.jpg"], hash: hash)
            #expect(c["photos/a.jpg"]?.name == "Photos/A.jpg")
            #expect(c["photos/b.jpg"]?.index == 1)
        }
    }
}
