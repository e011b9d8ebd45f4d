public import CardBatchLedger
import CardBatchNative

extension PostgresLedger {
    /// Ends this session's lease now, as if its process had died a lease ago, through a connection of
    /// its own to `url`. Its heartbeat renews the lease every third of it: `close()` first where a
    /// test must be sure it stays expired.
    public func expireLease(url: String) throws {
        try PostgresConnection(url).query("UPDATE ledger_sessions SET lease_expires = now() - interval '1 second' WHERE id = $1", [.integer(session)])
    }
}
