import CardBatchCore
import CardBatchNative
import CardBatchOutput
import Dispatch
import Synchronization

/// How one bundle of a batch ended: judged (whatever the verdict), or a failure of the tool itself
/// (its output could not be written).
public enum BundleRun: Sendable {
    case judged(BundleOutcome)
    case failed(path: String, error: OutputError)
}

/// Runs a batch: bundles concurrently (each bundle also spreads its employees over workers), results
/// returned in the order the bundles were given, whatever order they finished in.
public enum BatchRunner {
    public static func run(_ jobs: [BundleJob], options: ProcessingOptions, onFinish: @Sendable (BundleRun) -> Void = { _ in }) -> [BundleRun] {
        XMLLibrary.initialize()
        let slots = Mutex<[BundleRun?]>(Array(repeating: nil, count: jobs.count))
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let job = jobs[index]
            let run: BundleRun
            do throws(OutputError) {
                run = .judged(try BundleProcessor.run(job, options: options))
            } catch {
                run = .failed(path: job.path, error: error)
            }
            onFinish(run)
            slots.withLock { $0[index] = run }
        }
        return slots.withLock { $0.compactMap { $0 } }
    }

    /// The process exit status for a batch: 0 every employee accepted; 1 some employees rejected;
    /// 2 a bundle rejected as a whole or unreadable; 74 an output could not be written.
    public static func exitCode(_ runs: [BundleRun]) -> Int32 {
        runs.reduce(Int32(0)) { worst, run in
            switch run {
            case .judged(let outcome): max(worst, outcome.result.status.exitCode)
            case .failed: 74
            }
        }
    }
}
