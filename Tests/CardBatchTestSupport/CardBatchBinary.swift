import Foundation

/// Runs the built `cardbatch` executable, as a user would, and captures what it printed.
public enum CardBatchBinary {
    public struct Run: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// The repository root, found from this source file's location.
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    public static func path(_ name: String = "cardbatch") -> String {
        let candidates = ["\(root)/.build/debug/\(name)"] +
            ((try? FileManager.default.contentsOfDirectory(atPath: "\(root)/.build")) ?? []).map { "\(root)/.build/\($0)/debug/\(name)" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    public static func run(_ arguments: [String], executable: String = "cardbatch") throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path(executable))
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a full pipe cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }
}
