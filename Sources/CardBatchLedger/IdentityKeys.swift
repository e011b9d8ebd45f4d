import CardBatchCore

/// A bundle's employees as their ledger keys, sorted, at 32 bytes each (a set of 64-character key
/// texts cost some 150 bytes an employee): what `complete` keeps and what `reserve` walks in key order.
struct IdentityKeys: Sendable {
    /// Each key with the position of its employee in what it was made from.
    private(set) var keys: [(digest: Digest256, position: Int)]

    init(_ employees: some Sequence<EmployeeIdentity>, secret: LedgerSecret) {
        var keys: [(digest: Digest256, position: Int)] = []
        keys.reserveCapacity(employees.underestimatedCount)
        for (position, employee) in employees.enumerated() {
            keys.append((Digest256(hex: secret.identityKey(employee))!, position))
        }
        keys.sort { $0.digest < $1.digest }
        self.keys = keys
    }

    /// Whether `hex` (a key as the ledger stores it) is among the keys.
    func contains(hex: String) -> Bool {
        guard let digest = Digest256(hex: hex) else { return false }
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle].digest < digest { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low].digest == digest
    }

    /// The employees at `positions` of `employees` (what the keys were made from), each with its value:
    /// the bundles holding the employees a reservation found held, named again after the transaction.
    static func employees(at positions: [Int: LedgerBundle], in employees: some Collection<EmployeeIdentity>) -> [EmployeeIdentity: LedgerBundle] {
        guard !positions.isEmpty else { return [:] }
        var named: [EmployeeIdentity: LedgerBundle] = [:]
        for (position, employee) in employees.enumerated() { if let holder = positions[position] { named[employee] = holder } }
        return named
    }
}
