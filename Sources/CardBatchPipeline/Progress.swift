/// Receives progress while bundles are processed; called from worker threads.
public protocol ProgressSink: Sendable {
    /// A bundle's roster was read: it has `employees` employees to check.
    func bundleStarted(employees: Int)
    /// One employee was checked.
    func employeeChecked()
    /// A bundle is finished (whatever its verdict).
    func bundleFinished()
}
