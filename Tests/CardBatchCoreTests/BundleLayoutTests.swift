import CardBatchCore
import Testing

struct BundleLayoutTests {
    @Test func ignoresMacAndWindowsJunkAndDotFiles() {
        for junk in ["__MACOSX/._roster.csv", ".DS_Store", "photos/.DS_Store", "Thumbs.db", "photos/desktop.ini", ".hidden/a.jpg"] {
            #expect(BundleLayout.isIgnored(junk), "\(junk)")
        }
        #expect(!BundleLayout.isIgnored("photos/a.jpg"))
    }

    @Test func stripsOneWrappingFolderButNotWhenARosterSitsAtTheRoot() {
        #expect(BundleLayout.wrapperPrefix(of: ["Acme/", "Acme/roster.csv", "Acme/photos/a.jpg", "__MACOSX/Acme/._roster.csv"]) == "Acme/")
        #expect(BundleLayout.wrapperPrefix(of: ["roster.csv", "photos/a.jpg"]) == "")
        #expect(BundleLayout.wrapperPrefix(of: ["A/roster.csv", "B/a.jpg"]) == "")
        #expect(BundleLayout.contractName("Acme/photos/a.jpg", wrapper: "Acme/") == "photos/a.jpg")
    }

    @Test func matchesRosterReferencesWithBackslashesDotSlashAndLetterCase() {
        #expect(BundleLayout.referenceKey(".\\Photos\\A.JPG") == BundleLayout.referenceKey("photos/a.jpg"))
    }

    @Test func findsRostersCaseInsensitivelyAtTheRootOnly() {
        #expect(BundleLayout.rosterCandidates(in: ["Roster.CSV", "photos/roster.xml", "a.jpg"]) == ["Roster.CSV"])
    }
}
