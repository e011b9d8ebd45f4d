/// A claim another process held until its lease expired, now this process's.
public struct TakenOverClaim: Sendable, Equatable {
    /// The bundle's name as it arrived in the inbox.
    public var name: String
    /// The claim folder (`processing/<owner>`) of the process that held it.
    public var previousOwner: String

    public init(name: String, previousOwner: String) {
        self.name = name
        self.previousOwner = previousOwner
    }
}

/// Who owns each bundle of an inbox that watchers on several hosts share, decided by a database: a
/// claim is a row with its holder and a lease the holder renews while it lives. File moves stay
/// no-replace renames; this decides which watcher makes them.
public protocol BundleClaims: Sendable {
    /// Claims the inbox bundle `name` for this process, whose claim folder is `owner`. False when
    /// another process holds a claim on that name (live, or expired and not yet taken over).
    func claim(_ name: String, owner: String) throws -> Bool

    /// Takes over every claim whose holder's lease expired (the holder died or lost the database):
    /// each becomes this process's (`owner`), in one statement, so two takers never get the same one.
    func takeOverExpired(owner: String) throws -> [TakenOverClaim]

    /// Gives up the claim on `name` once its bundle is filed away (or found gone).
    func release(_ name: String) throws

    /// Whether this process still holds the claim on `name` (its lease was not taken over).
    func holds(_ name: String) throws -> Bool
}
