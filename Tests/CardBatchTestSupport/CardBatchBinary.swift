import CardBatchCore
import Dispatch
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

    /// The executable built beside the running tests (the same build folder, so a sanitizer build's
    /// tests run the sanitizer build's binary), else the default debug build's.
    public static func path(_ name: String = "cardbatch") -> String {
        let tests = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path
        let candidates = ["\(tests)/\(name)", "\(root)/.build/debug/\(name)"] +
            ((try? FileManager.default.contentsOfDirectory(atPath: "\(root)/.build")) ?? []).map { "\(root)/.build/\($0)/debug/\(name)" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    public static func run(_ arguments: [String], executable: String = "cardbatch") throws -> Run {
        try Subprocess.run(path(executable), arguments)
    }
}

/// Runs a program to completion and captures what it printed (long-running watchers are started
/// directly by their tests, which signal them).
public enum Subprocess {
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> CardBatchBinary.Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Both pipes are drained concurrently, so neither can fill up and block the child.
        let errData = Locked(Data())
        let drained = DispatchGroup()
        DispatchQueue.global().async(group: drained) { errData.withLock { $0 = err.fileHandleForReading.readDataToEndOfFile() } }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return CardBatchBinary.Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                                   stderr: String(decoding: errData.withLock { $0 }, as: UTF8.self))
    }
}
