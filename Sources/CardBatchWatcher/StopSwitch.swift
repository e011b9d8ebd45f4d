import Dispatch
import Synchronization

/// A stop request that can arrive before the watcher exists (SIGTERM during start-up) and wakes a
/// watcher sleeping between polls.
public final class StopSwitch: Sendable {
    let on = Atomic<Bool>(false)
    let wake = DispatchSemaphore(value: 0)

    public init() {}

    /// Turns the switch on; true the first time.
    @discardableResult
    public func flip() -> Bool {
        let first = !on.exchange(true, ordering: .relaxed)
        wake.signal()
        return first
    }

    public var isOn: Bool { on.load(ordering: .relaxed) }
}
