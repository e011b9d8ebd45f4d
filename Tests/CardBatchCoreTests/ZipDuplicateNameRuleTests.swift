@testable import CardBatchCore
import Testing

struct ZipDuplicateNameRuleTests {
    static let names = ["a.jpg", "B.jpg", "b.jpg", "A.JPG", "c.jpg", "Jos\u{E9}.jpg", "jose\u{301}.JPG", "photos/", "d.jpg"]

    static func duplicates(_ rule: ZipDuplicateNameRule) -> [String] {
        let archive = ArchiveFacts(entries: names.enumerated().map { i, name in
            var entry = Example.entry(name)
            entry.index = i
            if name.hasSuffix("/") { entry.kind = .directory }
            return entry
        })
        return rule.check(archive, in: .example).map { "\($0.value ?? "")|\($0.message.en)" }
    }

    @Test func namesEqualButForCaseOrNormalisationAreFoundEachAgainstTheFirst() {
        let found = Self.duplicates(ZipDuplicateNameRule())
        #expect(found.map { $0.split(separator: "|")[0] } == ["b.jpg", "A.JPG", "jose\u{301}.JPG"])
        #expect(found[0].contains("\"B.jpg\" and \"b.jpg\""))
        #expect(found[1].contains("\"a.jpg\" and \"A.JPG\""))
    }

    /// Every key hashing alike: names are still compared in full, so only true duplicates are found.
    @Test func keysWhoseHashesCollideAreStillToldApart() {
        var rule = ZipDuplicateNameRule()
        rule.keyHash = { _ in 7 }
        #expect(Self.duplicates(rule) == Self.duplicates(ZipDuplicateNameRule()))
    }
}
