import CardBatchTestSupport
import Foundation
import Testing

/// The terminal experience, checked under a real pseudo-terminal (`script` from util-linux).
struct TerminalTests {
    func underTerminal(_ command: String, environment: [String: String] = [:]) throws -> String {
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        env["TERM"] = "xterm-256color"
        for (k, v) in environment { env[k] = v }
        return try Subprocess.run("/usr/bin/script", ["-qc", command, "/dev/null"], environment: env).stdout
    }

    @Test func aTerminalShowsAProgressBarAndColoursUnlessNOCOLOR() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            Issue.record("script(1) from util-linux is needed to give the binary a terminal")
            return
        }
        let dir = TemporaryDirectory()
        let command = "\(CardBatchBinary.path()) precheck \(CardBatchBinary.root)/samples/reject-photos.zip --report \(dir.path) --date 2026-11-25"
        let coloured = try underTerminal(command)
        #expect(coloured.contains("bundles · "), "progress bar drawn")
        #expect(coloured.contains("\u{1B}[32mOK "))
        #expect(coloured.contains("\u{1B}[31;1mFIX"))
        let plain = try underTerminal(command, environment: ["NO_COLOR": "1"])
        #expect(!plain.contains("\u{1B}[32m") && !plain.contains("\u{1B}[31;1m"))
        let quiet = try underTerminal(command + " --quiet")
        #expect(!quiet.contains("bundles · "))
    }

    @Test func outputThatIsNotATerminalIsPlainLines() throws {
        let dir = TemporaryDirectory()
        let run = try CardBatchBinary.run(["precheck", CardBatchBinary.root + "/samples/reject-photos.zip", "--report", dir.path, "--date", "2026-11-25"])
        #expect(!run.stdout.contains("\u{1B}[") && !run.stderr.contains("\u{1B}["))
        #expect(!run.stderr.contains("bundles · "))
        #expect(run.stdout.contains("  OK   row 1:"))
    }
}
