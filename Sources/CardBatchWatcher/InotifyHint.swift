import Dispatch
import Foundation

/// Wakes the watcher early when something is written into or moved into the inbox. Only a hint:
/// polling stays the trigger (inotify never fires for changes made by another machine on a network
/// share, and events can be dropped), and a woken pass still applies every readiness rule.
final class InotifyHint: Sendable {
    private let fd: Int32

    /// Nil when inotify is unavailable here; the watcher then simply polls.
    /// - SeeAlso: `inotify_init1`, `inotify_add_watch`
    init?(folder: String, wake: DispatchSemaphore) {
        fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        let mask = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_ATTRIB)
        guard inotify_add_watch(fd, folder, mask) >= 0 else {
            close(fd)
            return nil
        }
        let descriptor = fd
        let reader = Thread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if n > 0 { wake.signal() } else if n < 0 && errno != EINTR { return }
            }
        }
        reader.name = "cardbatch-inotify"
        reader.start()
    }
}
