public import CardBatchLedger
import Foundation

extension LedgerSecret {
    /// The bytes of the fixed secret tests use when the secret is not their subject.
    static let testBytes = [UInt8](repeating: 0x5a, count: LedgerSecret.minimumBytes)

    /// A fixed secret for tests that need one but are not about it.
    public static let forTests = try! LedgerSecret(bytes: testBytes, path: "(tests)")

    /// Writes `forTests`'s bytes to `path` (mode 0600) for a `cardbatch` process to be given with
    /// `--secret`, so that it and the test's own ledger handles agree. Returns the path.
    @discardableResult
    public static func writeTestSecret(to path: String) throws -> String {
        _ = FileManager.default.createFile(atPath: path, contents: Data(testBytes), attributes: [.posixPermissions: 0o600])
        _ = try LedgerSecret.load(path: path)
        return path
    }
}
