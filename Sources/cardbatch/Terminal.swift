import CardBatchPipeline
import Dispatch
import Foundation
import Synchronization

/// What the terminal can show: a progress bar only on an interactive terminal, colour only there and
/// only when `NO_COLOR` is unset and the terminal is not "dumb" (https://no-color.org).
enum Terminal {
    static func isInteractive(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    static var colour: Bool {
        let env = ProcessInfo.processInfo.environment
        return isInteractive(STDOUT_FILENO) && env["NO_COLOR"] == nil && env["TERM"] != "dumb"
    }

    static func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
}

/// The progress bar on standard error: bundles and employees done, rate, time left. Redrawn five
/// times a second from its own queue; erased when done, so the results below stay clean.
final class ProgressBar: ProgressSink {
    private let bundles: Int
    private let state = Mutex((startedBundles: 0, finishedBundles: 0, employeesKnown: 0, employeesDone: 0))
    private let started = Date()
    /// The redraw timer; touched only at start and finish, kept behind a lock for that.
    private let timer = Mutex<(any DispatchSourceTimer)?>(nil)
    private let width = 24

    init(bundles: Int) {
        self.bundles = bundles
        timer.withLock { timer in
            let source = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "cardbatch.progress"))
            source.schedule(deadline: .now(), repeating: 0.2)
            source.setEventHandler { [weak self] in self?.draw() }
            source.resume()
            timer = source
        }
    }

    func bundleStarted(employees: Int) { state.withLock { $0.startedBundles += 1; $0.employeesKnown += employees } }
    func employeeChecked() { state.withLock { $0.employeesDone += 1 } }
    func bundleFinished() { state.withLock { $0.finishedBundles += 1 } }

    func draw() {
        let s = state.withLock { $0 }
        let elapsed = max(Date().timeIntervalSince(started), 0.001)
        let rate = Double(s.employeesDone) / elapsed
        // Bundles not yet opened are assumed to be as large as the ones seen so far.
        let perBundle = s.startedBundles > 0 ? Double(s.employeesKnown) / Double(s.startedBundles) : 0
        let expected = Double(s.employeesKnown) + perBundle * Double(bundles - s.startedBundles)
        let fraction = expected > 0 ? min(1, Double(s.employeesDone) / expected) : Double(s.finishedBundles) / Double(max(bundles, 1))
        let filled = Int(fraction * Double(width))
        let left = rate > 0 ? Int((expected - Double(s.employeesDone)) / rate) : -1
        let line = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
            + "\(s.finishedBundles)/\(bundles) bundles · \(s.employeesDone) employees · \(Int(rate))/s"
            + (left >= 0 ? " · \(left / 60)m\(String(format: "%02d", left % 60))s left" : "")
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
    }

    /// Stops drawing and erases the bar.
    func finish() {
        timer.withLock { $0?.cancel(); $0 = nil }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
