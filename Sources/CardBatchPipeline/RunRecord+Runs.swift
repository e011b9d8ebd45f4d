public import CardBatchCore
import CardBatchNative
import CardBatchOutput
import Foundation

extension RunRecord {
    /// The history entry of a `process` or `precheck` run (or a watcher's pass) over `runs`: each
    /// judged bundle's SHA-256, the digest of each manifest it published, and the counts.
    public static func of(_ kind: Kind, runs: [BundleRun], host: String, configuration: Configuration) -> RunRecord {
        var inputs: [String] = [], outputs: [String] = []
        var counts = ["bundles": runs.count, "failed": 0, "employees": 0, "accepted": 0, "rejected": 0]
        for run in runs {
            switch run {
            case .failed:
                counts["failed", default: 0] += 1
            case .judged(let outcome):
                inputs.append(outcome.result.sha256)
                if let manifest = outcome.manifestSHA256 { outputs.append(manifest) }
                counts["employees", default: 0] += outcome.result.employees.count
                counts["accepted", default: 0] += outcome.result.acceptedCount
                counts["rejected", default: 0] += outcome.result.rejectedCount
            }
        }
        return RunRecord(kind: kind, host: host, configurationSHA256: configuration.sha256, inputs: inputs, outputs: outputs, counts: counts)
    }
}

extension Configuration {
    /// SHA-256 of `cardbatch config --json`'s output for this configuration (its final newline included).
    public var sha256: String { SHA256.hex(canonicalJSON + "\n") }
}
