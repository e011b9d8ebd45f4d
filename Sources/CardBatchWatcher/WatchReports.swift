public import CardBatchCore
import Foundation

/// Counters of what the watcher has done since it started, for the Prometheus textfile.
public struct WatchCounters: Sendable {
    public var bundles: [String: Int] = [:]
    public var acceptedEmployees = 0
    public var rejectedEmployees = 0
    public var lastPassSeconds = 0.0
    public var lastSuccess: Double?
    public var quarantined = 0
    /// Claims taken over from a watcher whose lease expired (shared ledger only).
    public var leaseTakeovers = 0
    /// Calls to the ledger that failed, and whether the last pass found it unreachable.
    public var ledgerErrors = 0
    public var ledgerUnreachable = false

    public init() {}

    /// The metrics in the Prometheus text exposition format, sorted, for node_exporter's textfile collector.
    public func prometheus() -> String {
        var out = "# HELP cardbatch_bundles_total Bundles the watcher handled since it started, by outcome.\n"
        out += "# TYPE cardbatch_bundles_total counter\n"
        for outcome in ["accepted", "partially-accepted", "employees-rejected", "bundle-rejected", "resubmission", "quarantined", "failed"] {
            out += "cardbatch_bundles_total{outcome=\"\(outcome)\"} \(bundles[outcome] ?? 0)\n"
        }
        out += "# HELP cardbatch_employees_total Employees of handled bundles, accepted or rejected.\n"
        out += "# TYPE cardbatch_employees_total counter\n"
        out += "cardbatch_employees_total{outcome=\"accepted\"} \(acceptedEmployees)\n"
        out += "cardbatch_employees_total{outcome=\"rejected\"} \(rejectedEmployees)\n"
        out += "# HELP cardbatch_pass_duration_seconds Duration of the last pass over the inbox.\n"
        out += "# TYPE cardbatch_pass_duration_seconds gauge\n"
        out += "cardbatch_pass_duration_seconds \(lastPassSeconds)\n"
        out += "# HELP cardbatch_last_success_timestamp_seconds When the last pass finished without a failure.\n"
        out += "# TYPE cardbatch_last_success_timestamp_seconds gauge\n"
        out += "cardbatch_last_success_timestamp_seconds \(Int(lastSuccess ?? 0))\n"
        out += "# HELP cardbatch_quarantined_bundles Bundles waiting in the quarantine folder.\n"
        out += "# TYPE cardbatch_quarantined_bundles gauge\n"
        out += "cardbatch_quarantined_bundles \(quarantined)\n"
        out += "# HELP cardbatch_lease_takeovers_total Bundles taken over from a watcher whose lease expired.\n"
        out += "# TYPE cardbatch_lease_takeovers_total counter\n"
        out += "cardbatch_lease_takeovers_total \(leaseTakeovers)\n"
        out += "# HELP cardbatch_ledger_errors_total Ledger calls that failed (the database unreachable, a timeout).\n"
        out += "# TYPE cardbatch_ledger_errors_total counter\n"
        out += "cardbatch_ledger_errors_total \(ledgerErrors)\n"
        out += "# HELP cardbatch_ledger_up Whether the last pass reached the ledger (1) or not (0).\n"
        out += "# TYPE cardbatch_ledger_up gauge\n"
        out += "cardbatch_ledger_up \(ledgerUnreachable ? 0 : 1)\n"
        return out
    }
}

/// The morning summary: what came in, what was accepted, what was rejected and why, what is quarantined.
public enum NightlySummary {
    public static func render(day: String, journeys: [Journey]) -> String {
        let finished = journeys.filter { [.done, .rejected, .quarantined].contains($0.state) }
        var out = "cardbatch nightly summary for \(day) / 每日汇总 \(day)\n\n"
        out += "Bundles handled / 已处理: \(finished.count)"
        out += "   accepted employees / 通过: \(finished.reduce(0) { $0 + $1.accepted })"
        out += "   rejected employees / 未通过: \(finished.reduce(0) { $0 + $1.rejected })\n\n"
        for j in finished {
            let counts = j.state == .quarantined ? "" : " — \(j.employees) employees, \(j.accepted) accepted, \(j.rejected) rejected"
            out += "- \(j.original): \(j.state == .quarantined ? "QUARANTINED" : j.outcome)\(counts)\n"
            if !j.rules.isEmpty { out += "    why / 原因: \(j.rules)\n" }
            out += "    file now in / 文件位置: \(j.destination)\n"
        }
        let pending = journeys.filter { $0.state == .received || $0.state == .processing }
        if !pending.isEmpty {
            out += "\nStill in progress / 处理中:\n"
            for j in pending { out += "- \(j.original) (attempt \(j.attempts))\n" }
        }
        let quarantined = finished.filter { $0.state == .quarantined }
        out += quarantined.isEmpty ? "\nNothing is quarantined. / 无隔离文件。\n"
                                   : "\n\(quarantined.count) bundle(s) quarantined: check them by hand (see the .txt beside each). / 有文件被隔离，请人工检查。\n"
        return out
    }
}
