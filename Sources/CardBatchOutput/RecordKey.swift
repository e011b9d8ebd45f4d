import CardBatchCore
import CardBatchNative

/// The stable key of an employee's record: nationality plus the first 16 hex digits of a SHA-256 of
/// nationality and passport number. The same passport always gets the same key, in every bundle and
/// run, and the key does not spell out the passport number in file names.
public enum RecordKey {
    public static func make(nationality: String, passportNumber: String) -> String {
        let digest = SHA256.hex("cardbatch-record-v1|\(nationality)|\(passportNumber)")
        let prefix = nationality.isEmpty || !nationality.allSatisfy({ $0.isASCII && $0.isLetter }) ? "XXX" : nationality
        return "\(prefix)-\(digest.prefix(16))"
    }
}
