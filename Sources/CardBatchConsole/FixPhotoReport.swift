import CardBatchCore
public import CardBatchPipeline
import Foundation

/// What `fix-photo` prints: the changes made, and what is still to fix by hand.
public enum FixPhotoReport {
    public static func written(_ result: PhotoFixResult, to output: String) -> [String] {
        var lines = ["Wrote \(output). Changes / 已做修改:"]
        for change in result.changes { lines.append("  - \(change.en)\n    \(change.zh)") }
        if result.remaining.isEmpty {
            lines.append("The photo now passes every photo check. / 照片已通过全部照片检查。")
        } else {
            lines.append("Still to fix by hand / 仍需人工处理:")
            for f in result.remaining {
                let text = f.message.en.components(separatedBy: " — ").dropFirst().joined(separator: " — ")
                lines.append("  \(f.severity == .error ? "-" : "!") [\(f.rule)] \(text.isEmpty ? f.message.en : text)")
            }
        }
        lines.append("Left for the outlet's visual check: bareheaded, eyes open, no spots. / 免冠、睁眼、无斑点由受理点人工核验。")
        return lines
    }

    public static func refused(_ refusal: PhotoFixRefusal, input: String) -> [String] {
        ["Cannot fix \(input): \(refusal.reason.en).", "无法处理 \(input)：\(refusal.reason.zh)"]
    }
}
