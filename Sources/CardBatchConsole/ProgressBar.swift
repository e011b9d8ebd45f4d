import CardBatchCore
public import CardBatchPipeline
import Dispatch
import Foundation

/// The progress bar on standard error: bundles and employees done, rate, time left. Redrawn five
/// times a second from its own queue; erased when done, so the results below stay clean.
public final class ProgressBar: ProgressSink {
    private let bundles: Int
    private let state = Locked((startedBundles: 0, finishedBundles: 0, employeesKnown: 0, employeesDone: 0))
    private let started = Date()
    /// The redraw timer; touched only at start and finish, kept behind a lock for that.
    private let timer = Locked<(any DispatchSourceTimer)?>(nil)
    private let width = 24

    /// `redraw: false` makes a bar that is only read through `line()` (tests).
    public init(bundles: Int, redraw: Bool = true) {
        self.bundles = bundles
        guard redraw else { return }
        timer.withLock { timer in
            let source = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "cardbatch.progress"))
            source.schedule(deadline: .now(), repeating: 0.2)
            source.setEventHandler { [weak self] in self?.draw() }
            source.resume()
            timer = source
        }
    }

    public func bundleStarted(employees: Int) { state.withLock { $0.startedBundles += 1; $0.employeesKnown += employees } }
    public func employeeChecked() { state.withLock { $0.employeesDone += 1 } }
    public func bundleFinished() { state.withLock { $0.finishedBundles += 1 } }

    /// The bar as drawn: `[####....] 1/3 bundles · 40 employees · 80/s · 0m05s left`.
    public func line() -> String {
        let s = state.withLock { $0 }
        let elapsed = max(Date().timeIntervalSince(started), 0.001)
        let rate = Double(s.employeesDone) / elapsed
        // Bundles not yet opened are assumed to be as large as the ones seen so far.
        let perBundle = s.startedBundles > 0 ? Double(s.employeesKnown) / Double(s.startedBundles) : 0
        let expected = Double(s.employeesKnown) + perBundle * Double(bundles - s.startedBundles)
        let fraction = expected > 0 ? min(1, Double(s.employeesDone) / expected) : Double(s.finishedBundles) / Double(max(bundles, 1))
        let filled = Int(fraction * Double(width))
        let left = rate > 0 ? Int((expected - Double(s.employeesDone)) / rate) : -1
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
            + "\(s.finishedBundles)/\(bundles) bundles · \(s.employeesDone) employees · \(Int(rate))/s"
            + (left >= 0 ? " · \(left / 60)m\(String(format: "%02d", left % 60))s left" : "")
    }

    func draw() {
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line()).utf8))
    }

    /// Stops drawing and erases the bar.
    public func finish() {
        timer.withLock { $0?.cancel(); $0 = nil }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
