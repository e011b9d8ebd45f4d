public import CardBatchCore
import CardBatchNative
public import CardBatchOutput
import Dispatch
import Foundation

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
        let slots = Locked<[BundleRun?]>(Array(repeating: nil, count: jobs.count))
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let job = jobs[index]
            let run: BundleRun
            do throws(OutputError) {
                run = .judged(try BundleProcessor.run(job, options: options))
            } catch {
                run = .failed(path: job.path, error: error)
            }
            options.progress?.bundleFinished()
            onFinish(run)
            slots.withLock { $0[index] = run }
        }
        return slots.withLock { $0.compactMap { $0 } }
    }

    /// Resolves what a stopped run left pending in the ledger, before new bundles are processed: a
    /// bundle whose output folder was published (its bundle report carries the bundle's SHA-256) is
    /// completed with the status that report shows; any other is rolled back.
    public static func recover(_ ledger: any Ledger) throws -> (completed: [String], rolledBack: [String]) {
        try ledger.recover(publishedOutcome: publishedOutcome)
    }

    /// The status a pending bundle's published output folder shows (its bundle report carries the
    /// bundle's SHA-256), or nil when nothing of it was published.
    static func publishedOutcome(_ bundle: LedgerBundle) -> String? {
        struct Report: Decodable {
            struct File: Decodable { let sha256: String }
            let bundle: File
            let status: String
        }
        guard let data = FileManager.default.contents(atPath: bundle.output + "/" + ResultLayout.bundleReport),
              let report = try? JSONDecoder().decode(Report.self, from: data), report.bundle.sha256 == bundle.sha256 else { return nil }
        return report.status
    }

    /// The process exit status for a batch, the first that applies: 74 an output or the ledger could
    /// not be written; 2 a bundle rejected as a whole or unreadable; 3 a resubmission; 1 some
    /// employees rejected; 0 every employee of every bundle accepted.
    public static func exitCode(_ runs: [BundleRun]) -> Int32 {
        let codes = Set(runs.map { run -> Int32 in
            switch run {
            case .judged(let outcome): outcome.result.status.exitCode
            case .failed: 74
            }
        })
        return [74, 2, 3, 1].first { codes.contains($0) } ?? 0
    }
}
