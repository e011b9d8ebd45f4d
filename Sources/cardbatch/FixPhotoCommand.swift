import ArgumentParser
import CardBatchConsole
import CardBatchCore
import CardBatchOutput
import CardBatchPipeline
import Foundation

struct FixPhotoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix-photo",
        abstract: "For employers: make a compliant photo (358 × 441 JPEG, 40,960–100,000 bytes) from a portrait, and say what was changed.",
        discussion: """
        Applies the EXIF orientation, crops around the centre to 358:441, resizes to exactly 358 × 441, \
        removes metadata but the date taken, and saves at the highest JPEG quality inside the size window. \
        `process` never alters a photo. Exit status: 0 the result passes every photo check; 1 it was \
        written but a check still fails (what resizing cannot fix, such as the background); 2 it was refused.
        """
    )

    @Argument(help: ArgumentHelp("The portrait to fix (JPEG or PNG).", valueName: "in"))
    var input: String

    @Argument(help: ArgumentHelp("Where to write the compliant JPEG.", valueName: "out"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("JSON configuration file (photo size and checks).", valueName: "file"))
    var config: String?

    func run() throws {
        let configuration = try loadConfiguration(config)
        guard let data = FileManager.default.contents(atPath: input) else { throw ValidationError("cannot read \(input)") }
        let result: PhotoFixResult
        do {
            result = try PhotoFixer.fix([UInt8](data), configuration: configuration)
        } catch {
            FixPhotoReport.refused(error, input: input).forEach { print($0) }
            throw ExitCode(2)
        }
        do {
            try DurableFiles.replace(result.jpeg, at: output, mode: mode_t(configuration.output.fileModeBits ?? 0o600))
        } catch {
            StandardError.print("cardbatch: cannot write \(output): \(error)")
            throw ExitCode(74)
        }
        FixPhotoReport.written(result, to: output).forEach { print($0) }
        if result.remaining.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}
