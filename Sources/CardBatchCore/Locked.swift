#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value that several threads share, reached only under a `pthread_mutex_t`.
///
/// cardbatch uses this instead of the standard library's `Synchronization.Mutex` because on Linux
/// `Mutex` hands a contended lock over inside the kernel (`FUTEX_LOCK_PI` / `FUTEX_UNLOCK_PI` in the
/// uninstrumented Synchronization library). ThreadSanitizer then sees no release/acquire edge between
/// the two owners and reports the guarded value as raced, and with `halt_on_error` it stops the
/// process. `pthread_mutex_lock`/`unlock` are intercepted by every sanitizer, so the suite's
/// ThreadSanitizer run checks real races only.
///
/// `@unchecked Sendable` is safe: `value` is read and written only inside `withLock`, between
/// `pthread_mutex_lock` and `pthread_mutex_unlock` on the mutex this object owns, and `withLock`
/// takes and returns values as `sending`, so none stays shared with the caller's region. The mutex
/// lives in its own allocation, so its address never changes while threads wait on it.
public final class Locked<Value: ~Copyable>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    public init(_ initialValue: consuming sending Value) {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        let status = pthread_mutex_init(mutex, nil)
        precondition(status == 0, "pthread_mutex_init failed: \(status)")
        value = initialValue
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` with the value while holding the lock. `body` must not call `withLock` on the same
    /// object (the mutex is not recursive).
    ///
    /// - SeeAlso: `pthread_mutex_lock`, `pthread_mutex_unlock`
    public func withLock<Result: ~Copyable, Failure: Error>(
        _ body: (inout sending Value) throws(Failure) -> sending Result
    ) throws(Failure) -> sending Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
