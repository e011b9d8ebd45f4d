import CardBatchCore
import Testing

struct ConfigurationTests {
    @Test func theDefaultsAreUsable() {
        #expect(Configuration().problems == [])
    }

    @Test func nonsenseLimitsAreNamedByTheirKeys() {
        var c = Configuration()
        c.photo.minBytes = 200_000
        c.archive.maxEntries = 0
        c.output.fileMode = "0999"
        c.photoChecks.maxClippedBright = 1.5
        c.letter.minShortSidePixels = 900
        #expect(c.problems.map(\.description) == [
            "archive.maxEntries must be greater than 0 (it is 0)",
            "photoChecks.maxClippedBright must be from 0 to 1 (it is 1.5)",
            "photo.minBytes (200000) is greater than photo.maxBytes (100000)",
            "letter.minShortSidePixels (900) is greater than letter.minLongSidePixels (800)",
            "output.fileMode must be an octal mode such as \"0600\" (it is \"0999\")",
        ])
    }
}
