import CardBatchCore
import CardBatchIntake
import CardBatchNative
import CardBatchSamples
import CardBatchTestSupport
import Foundation
import Testing

/// The bundle-level stage against real libzip on hostile and awkward archives.
struct HostileBundleTests {
    func open(_ builder: BundleBuilder, configuration: Configuration = Configuration(), patch: ((String) throws -> Void)? = nil) throws -> IntakeResult {
        let dir = TemporaryDirectory()
        let path = try Fixtures.write(builder, "b.zip", in: dir)
        try patch?(path)
        return BundleIntake.open(path: path, name: "b.zip", processingDate: Fixtures.date, configuration: configuration)
    }

    func rejectedRules(_ result: IntakeResult) -> [String] {
        guard case .rejected(let findings, _, _) = result else { return [] }
        return findings.filter { $0.severity == .error }.map(\.rule)
    }

    var clean: BundleBuilder { Fixtures.cleanBundle(Fixtures.employees(3)) }

    @Test func aCleanBundleIsReadyWithEveryPhotoMapped() throws {
        guard case .ready(let bundle) = try open(clean) else { Issue.record("clean bundle rejected"); return }
        #expect(bundle.roster.employees.count == 3)
        #expect(bundle.roster.employees.indices.allSatisfy { bundle.photoEntry($0) != nil })
        #expect(bundle.facts.letter?.signature == .pdf)
        #expect(bundle.findings.isEmpty)
    }

    @Test(arguments: ["../evil.jpg", "photos/../../evil.jpg", "/etc/evil", "C:/evil.jpg", "photos\\..\\evil.jpg"])
    func pathTraversalIsRefused(_ name: String) throws {
        var b = clean
        b.add(name, [1, 2, 3])
        #expect(rejectedRules(try open(b)) == ["zip.path"])
    }

    @Test func aSymlinkIsRefused() throws {
        var b = clean
        b.addSymlink("photos/x.jpg", target: "/etc/passwd")
        #expect(rejectedRules(try open(b)) == ["zip.symlink"])
    }

    @Test func anEncryptedArchiveIsRefused() throws {
        #expect(rejectedRules(try open(clean, patch: ZipPatch.markEncrypted)).contains("zip.encrypted"))
    }

    @Test func aHighRatioEntryIsRefusedAsAZipBomb() throws {
        var b = clean
        b.add("bomb.bin", [UInt8](repeating: 0, count: 8 * 1024 * 1024))
        #expect(rejectedRules(try open(b)) == ["zip.compression-ratio"])
    }

    /// A forged header declares 100 bytes; the reader stops at the declared size instead of
    /// trusting it, and the archive is refused. Memory stays bounded whatever the real size.
    @Test func aForgedSizeIsCaughtOnTheBytesActuallyInflated() throws {
        var b = BundleBuilder()
        b.add("roster.csv", [UInt8](repeating: UInt8(ascii: "a"), count: 500_000))
        #expect(rejectedRules(try open(b, patch: { try ZipPatch.forgeUncompressedSize($0, to: 100) })) == ["zip.inflated-size"])
    }

    /// The XML roster is parsed as it is inflated; damaged bytes past the point where the parser
    /// stopped (at a syntax error, or at a declaration it refused) are still found (the rest is read,
    /// so libzip checks its CRC) and reported as the reason.
    @Test(arguments: ["<roster><a></b>", "<!DOCTYPE roster>"])
    func aDamagedXMLRosterIsReportedAsDamagedWhateverTheParserMadeOfIt(_ start: String) throws {
        var b = BundleBuilder()
        // The parser stops long before the damage, 200 KB further on.
        let xml = "<?xml version=\"1.0\"?>\n\(start)\n<!-- " + String(repeating: "filler ", count: 30_000) + " damage here -->"
        b.add("roster.xml", Array(xml.utf8), store: true)
        let rules = rejectedRules(try open(b, patch: { path in
            var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            bytes[bytes.firstRange(of: Array("damage".utf8))!.lowerBound] = UInt8(ascii: "D")
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }))
        #expect(rules == ["zip.entry-corrupt"])
    }

    @Test func namesDifferingOnlyInCaseAreRefused() throws {
        var b = clean
        b.add("PHOTOS/MARTIN.JPG", [1])
        #expect(rejectedRules(try open(b)) == ["zip.duplicate-name"])
    }

    @Test func entryCountAndTotalSizeCapsFollowConfiguration() throws {
        var small = Configuration()
        small.archive.maxEntries = 3
        #expect(rejectedRules(try open(clean, configuration: small)) == ["zip.entry-count"])
        var tight = Configuration()
        tight.archive.maxTotalBytes = 100_000
        #expect(rejectedRules(try open(clean, configuration: tight)) == ["zip.total-size"])
    }

    @Test func gbkNamesWithoutTheUTF8FlagMatchTheRoster() throws {
        var rows = Fixtures.employees(2)
        rows[0][.photo] = "照片/马克莱.jpg"
        var b = BundleBuilder()
        b.add("roster.csv", GB18030.encode(RosterWriter.csv(employer: Fixtures.employer, employees: rows))!)
        b.add(rawName: GB18030.encode("照片/马克莱.jpg")!, Fixtures.photo(0))
        b.add(rows[1][.photo]!, Fixtures.photo(1))
        b.add("authorization.pdf", DocumentWriters.pdf(text: "x"))
        guard case .ready(let bundle) = try open(b) else { Issue.record("GBK bundle rejected"); return }
        #expect(bundle.photoEntry(0)?.name == "照片/马克莱.jpg")
        #expect(bundle.photoEntry(0)?.nameEncoding == .gb18030)
    }

    @Test func aWrappingFolderAndMacJunkAreAccepted() throws {
        let rows = Fixtures.employees(2)
        var b = BundleBuilder()
        b.add("Acme/roster.xml", text: RosterWriter.xml(employer: Fixtures.employer, employees: rows))
        for (i, r) in rows.enumerated() { b.add("Acme/" + r[.photo]!, Fixtures.photo(UInt64(i))) }
        b.add("Acme/authorization.pdf", DocumentWriters.pdf(text: "x"))
        b.add("__MACOSX/Acme/._roster.xml", [0])
        b.add("Acme/.DS_Store", [0])
        guard case .ready(let bundle) = try open(b) else { Issue.record("wrapped bundle rejected"); return }
        #expect(bundle.context.rosterEntry == "Acme/roster.xml")
        #expect(bundle.findings.isEmpty)
    }

    @Test func aFileTheRosterDoesNotNameIsAWarningNotARejection() throws {
        var b = clean
        b.add("photos/martn.jpg", Fixtures.photo(9))
        guard case .ready(let bundle) = try open(b) else { Issue.record("rejected"); return }
        #expect(bundle.findings.map(\.rule) == ["bundle.unreferenced-file"])
        #expect(bundle.findings[0].severity == .warning)
    }

    @Test func aLetterThatIsNotAPDFJPEGOrPNGIsRefused() throws {
        var b = clean
        b.replace("authorization.pdf", with: Array("Dear sir, this is plain text".utf8))
        #expect(rejectedRules(try open(b)) == ["letter.format"])
    }

    @Test func aTruncatedPDFLetterIsRefused() throws {
        var b = clean
        b.replace("authorization.pdf", with: Array(DocumentWriters.pdf(text: "x").dropLast(20)))
        #expect(rejectedRules(try open(b)) == ["letter.format"])
    }
}
