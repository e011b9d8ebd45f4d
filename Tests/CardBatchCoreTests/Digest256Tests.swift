import CardBatchCore
import Testing

struct Digest256Tests {
    @Test func hexReadsBackInLowerCaseAndOnlyExactDigestsAreTaken() throws {
        let hex = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08"
        let digest = try #require(Digest256(hex: hex))
        #expect(digest.hex == hex.lowercased())
        #expect(Digest256(hex: hex.lowercased()) == digest)
        #expect(Digest256(hex: String(hex.dropLast())) == nil)
        #expect(Digest256(hex: hex + "0") == nil)
        #expect(Digest256(hex: String(hex.dropLast()) + "g") == nil)
        #expect(Digest256(hex: "") == nil)
    }

    @Test func repeatedPositionsAreThoseSharingADigestWithAnother() throws {
        let a = try #require(Digest256(hex: String(repeating: "a", count: 64)))
        let b = try #require(Digest256(hex: String(repeating: "b", count: 64)))
        let c = try #require(Digest256(hex: String(repeating: "c", count: 64)))
        #expect(Digest256.repeatedPositions([a, b, nil, a, c, nil, b, a]) == [0, 1, 3, 6, 7])
        #expect(Digest256.repeatedPositions([a, b, nil, nil]).isEmpty)
    }
}
