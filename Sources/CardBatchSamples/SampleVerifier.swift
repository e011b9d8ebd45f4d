import Foundation

/// Checks that `cardbatch process` judged every sample as `samples/expected.json` says: `make run`
/// succeeds only when the tool behaved as documented (the rejection samples must be rejected, with
/// the rules they show).
public enum SampleVerifier {
    public struct Mismatch: Sendable, CustomStringConvertible {
        public let bundle: String
        public let problem: String
        public var description: String { "\(bundle): \(problem)" }
    }

    struct Report: Decodable {
        struct F: Decodable { let rule: String }
        let status: String
        let findings: [F]
    }

    public static func verify(samples: String, output: String) throws -> (checked: Int, mismatches: [Mismatch]) {
        let specs = try JSONDecoder().decode([SampleSpec].self, from: Data(contentsOf: URL(fileURLWithPath: "\(samples)/expected.json")))
        var mismatches: [Mismatch] = []
        for spec in specs {
            let stem = String(spec.bundle.dropLast(4))
            guard let data = FileManager.default.contents(atPath: "\(output)/\(stem)/bundle-report.json"),
                  let report = try? JSONDecoder().decode(Report.self, from: data) else {
                mismatches.append(Mismatch(bundle: spec.bundle, problem: "no bundle-report.json in \(output)/\(stem)"))
                continue
            }
            if report.status != spec.status {
                mismatches.append(Mismatch(bundle: spec.bundle, problem: "status \(report.status), expected \(spec.status)"))
            }
            let found = Set(report.findings.map(\.rule))
            for rule in spec.rules where !found.contains(rule) {
                mismatches.append(Mismatch(bundle: spec.bundle, problem: "rule \(rule) expected but not reported"))
            }
        }
        return (specs.count, mismatches)
    }
}
