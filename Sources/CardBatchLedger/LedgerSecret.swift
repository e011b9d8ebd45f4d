public import CardBatchCore
import CardBatchNative
import Foundation

/// The deployment secret that keys the ledger: employees are stored as an HMAC-SHA256 of their
/// normalised identity (nationality and passport number) under it, and each history entry's digest
/// is an HMAC of the entry and the previous digest. The ledger alone, without the secret, names no
/// one and cannot be rewritten unnoticed.
///
/// A file of random bytes, owner-only (`cardbatch ledger init-secret`). Every host sharing a ledger
/// uses the same file; the ledger records the secret's fingerprint and refuses another. The bytes are
/// never printed: `description` shows the fingerprint.
public struct LedgerSecret: Sendable, CustomStringConvertible {
    let bytes: [UInt8]
    public let path: String

    /// Bytes a new secret has; a file shorter than `minimumBytes` is refused.
    public static let newBytes = 32
    public static let minimumBytes = 32
    static let maximumBytes = 4096

    public init(bytes: [UInt8], path: String) throws(LedgerSecretError) {
        guard bytes.count >= Self.minimumBytes, bytes.count <= Self.maximumBytes else {
            throw LedgerSecretError(path: path, problem: "holds \(bytes.count) bytes; a ledger secret holds \(Self.minimumBytes) to \(Self.maximumBytes) (make one with `cardbatch ledger init-secret`)")
        }
        self.bytes = bytes
        self.path = path
    }

    public var description: String { "ledger secret \(path) (fingerprint \(fingerprint))" }

    /// Names the secret without revealing it: the first 16 hex digits of an HMAC of a fixed label.
    /// The ledger keeps it, so a host with another secret is refused instead of missing every duplicate.
    public var fingerprint: String {
        String(HMACSHA256.hex(key: bytes, message: Array("cardbatch-secret-fingerprint-v1".utf8)).prefix(16))
    }

    /// The key under which the ledger holds an employee: HMAC-SHA256 of the normalised nationality and
    /// passport number, in lower-case hex. The same for every backend and host with this secret.
    public func identityKey(nationality: String, passportNumber: String) -> String {
        let message = "cardbatch-identity-v1\u{0}" + Self.normalised(nationality) + "\u{0}" + Self.normalised(passportNumber)
        return HMACSHA256.hex(key: bytes, message: Array(message.utf8))
    }

    public func identityKey(_ identity: EmployeeIdentity) -> String {
        identityKey(nationality: identity.nationality, passportNumber: identity.passportNumber)
    }

    /// Upper case, without white space: how a passport number is written on different rosters.
    static func normalised(_ value: String) -> String {
        String(value.uppercased().unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init))
    }

    /// A history entry's digest: HMAC of the previous entry's digest and the entry's text.
    public func chainDigest(previous: String, entry: String) -> String {
        HMACSHA256.hex(key: bytes, message: Array("cardbatch-history-v1\u{0}\(previous)\u{0}\(entry)".utf8))
    }

    /// Reads the secret at `path`: a regular file (not a link) owned by this user, readable by no one
    /// else, holding 32 to 4096 bytes.
    public static func load(path: String) throws(LedgerSecretError) -> LedgerSecret {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            let reason = errno
            if reason == ENOENT {
                throw LedgerSecretError(path: path, problem: "does not exist: create it with `cardbatch ledger init-secret --secret \(path)`, or restore it from the backup if this ledger was keyed before", missing: true)
            }
            throw LedgerSecretError(path: path, problem: reason == ELOOP ? "is a symbolic link; name the file itself" : "cannot be opened: \(String(cString: strerror(reason)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { throw LedgerSecretError(path: path, problem: "is not a regular file") }
        guard info.st_mode & 0o077 == 0 else {
            throw LedgerSecretError(path: path, problem: String(format: "is readable or writable by others (mode %04o): run chmod 600 on it, and make a new secret if it may have been copied", info.st_mode & 0o777))
        }
        guard info.st_uid == geteuid() else { throw LedgerSecretError(path: path, problem: "belongs to user \(info.st_uid), not to the user running cardbatch (\(geteuid()))") }
        guard info.st_size <= maximumBytes else { throw LedgerSecretError(path: path, problem: "is \(info.st_size) bytes long; a ledger secret is at most \(maximumBytes)") }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while filled < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw LedgerSecretError(path: path, problem: "could not be read whole") }
            filled += n
        }
        return try LedgerSecret(bytes: bytes, path: path)
    }

    /// Creates a new secret at `path` (mode 0600, never replacing a file there), written durably.
    public static func create(path: String) throws(LedgerSecretError) -> LedgerSecret {
        guard let bytes = SecureRandom.bytes(newBytes) else { throw LedgerSecretError(path: path, problem: "could not get random bytes from the system") }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]) }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            let reason = errno
            throw LedgerSecretError(path: path, problem: reason == EEXIST
                ? "already exists; a ledger keeps the secret it was keyed with, so it is never replaced (remove it by hand only for a new, empty ledger)"
                : "cannot be created: \(String(cString: strerror(reason)))")
        }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced else {
            unlink(path)
            throw LedgerSecretError(path: path, problem: "could not be written whole")
        }
        let dir = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 { fsync(dir); close(dir) }
        return try LedgerSecret(bytes: bytes, path: path)
    }
}

/// The secret file cannot be used; `missing` when it does not exist.
public struct LedgerSecretError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let problem: String
    public var missing = false

    public init(path: String, problem: String, missing: Bool = false) {
        self.path = path
        self.problem = problem
        self.missing = missing
    }

    public var description: String { "ledger secret \(path) \(problem)" }
}

/// The ledger was keyed with another secret than the one given.
public struct LedgerKeyMismatch: Error, CustomStringConvertible, Sendable {
    public let expected: String
    public let given: LedgerSecret

    public var description: String {
        "the ledger's identities were keyed with the secret of fingerprint \(expected), but \(given.path) has fingerprint \(given.fingerprint): use the secret this ledger (and every host sharing it) was keyed with"
    }
}
