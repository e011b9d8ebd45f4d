public import CardBatchCore
import CardBatchIntake
import Foundation

/// Runs the real photo inspection and rules on the calibration set.
public enum CalibrationReport {
    public struct Row: Sendable {
        public let item: CalibrationSet.Item
        public let measurements: PhotoMeasurements?
        public let face: FaceMeasurements?
        /// Photo rules that reported an error.
        public let fired: [String]
    }

    /// Judges every item under `configuration`; with `rules`, only those rules count.
    public static func evaluate(_ items: [CalibrationSet.Item], configuration: Configuration = Configuration(), rules: Set<String>? = nil) -> [Row] {
        let inspector = PhotoInspector(configuration: configuration)
        var context = RuleContext.example
        context.configuration = configuration
        return items.map { item in
            let facts = inspector.inspect(entry: "photos/x.jpg", bytes: item.jpeg)
            let subject = EmployeeSubject(record: EmployeeRecord(row: 1, format: .csv, values: [.photo: "photos/x.jpg"]), photo: facts)
            let findings = RuleRegistry.run(RuleRegistry.photoRules, on: subject, in: context).filter { rules?.contains($0.rule) ?? true }
            // Errors reject; a warning-level rule (the colour profile) counts as catching its defect
            // when it warns. File size is not a pixel check; a missing EXIF date is not a defect here.
            let fired = findings.filter { finding in
                guard finding.rule != "photo.file-size" else { return false }
                return finding.severity == .error || finding.rule == item.expectedRule
            }.map(\.rule)
            return Row(item: item, measurements: facts.measurements, face: facts.face, fired: Array(Set(fired)).sorted())
        }
    }

    /// Every photo's measurements and verdict, then the confusion table.
    public static func table(for items: [CalibrationSet.Item], configuration: Configuration = Configuration(), rules: Set<String>? = nil) -> String {
        let rows = evaluate(items, configuration: configuration, rules: rules)
        var out = "label                      L*     C*    spread grad  border dark   bright faces width  top    eyeX   eyeBot offset roll   yaw    cloth  blur   grain  fired\n"
        for r in rows {
            let m = r.measurements
            func f(_ v: Double?, _ w: Int) -> String { (v.map { String(format: "%.3f", $0) } ?? "-").padding(toLength: w, withPad: " ", startingAt: 0) }
            out += r.item.label.padding(toLength: 26, withPad: " ", startingAt: 0)
            out += " " + f(m?.backgroundLightness, 6) + " " + f(m?.backgroundChroma, 5) + " " + f(m?.backgroundSpread, 6) + " " + f(m?.backgroundGradient, 5)
            out += " " + f(m?.borderContrast, 6) + " " + f(m?.clippedDark, 6) + " " + f(m?.clippedBright, 6)
            let g = r.face?.geometry
            out += " " + "\(r.face?.faceCount ?? -1)".padding(toLength: 5, withPad: " ", startingAt: 0)
            for v in [g?.faceWidth, g?.headTop, g?.eyeMidX, g?.eyeLineFromBottom, g?.centreOffset, g?.roll, g?.yaw, g?.clothingContrast, r.face?.blurRatio, r.face?.grain] {
                out += " " + f(v, 6)
            }
            out += " " + (r.fired.isEmpty ? "-" : r.fired.joined(separator: ",")) + "\n"
        }
        out += "\n" + confusion(rows)
        return out
    }

    /// Per kind of photo: how many, how many caught by the intended rule, how many rejected wrongly.
    public static func confusion(_ rows: [Row]) -> String {
        var kinds: [String] = []
        var stats: [String: (n: Int, caught: Int, wrong: Int)] = [:]
        for r in rows {
            let kind = r.item.expectedRule.map { "\(r.item.label.split(separator: " ").dropLast().joined(separator: " ")) → \($0)" } ?? "clean photos"
            if stats[kind] == nil { kinds.append(kind); stats[kind] = (0, 0, 0) }
            stats[kind]!.n += 1
            if let rule = r.item.expectedRule {
                if r.fired.contains(rule) { stats[kind]!.caught += 1 }
            } else if !r.fired.isEmpty {
                stats[kind]!.wrong += 1
            }
        }
        var out = "| photos | count | caught by the intended rule | rejected wrongly |\n| --- | --- | --- | --- |\n"
        for kind in kinds {
            let s = stats[kind]!
            out += "| \(kind) | \(s.n) | \(kind == "clean photos" ? "—" : "\(s.caught)") | \(kind == "clean photos" ? "\(s.wrong)" : "—") |\n"
        }
        return out
    }
}
