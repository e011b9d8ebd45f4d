import CardBatchTestSupport

/// Paths inside the repository, for tests that compare with committed files.
enum CardBatchTestPaths {
    static let root = CardBatchBinary.root
}
