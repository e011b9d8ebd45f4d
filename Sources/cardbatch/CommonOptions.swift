import ArgumentParser
import CardBatchCore
import CardBatchIntake
import CardBatchPipeline
import Foundation

/// The options that decide how bundles are judged, shared by `process`, `precheck` and `watch`.
struct CheckOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Processing date, YYYY-MM-DD (default: today). Fixes every date rule, so reruns are identical.", valueName: "date"))
    var date: String?

    @Option(name: .long, help: ArgumentHelp("JSON configuration file overriding any default (see `cardbatch config`).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("CSV extract of valid work permits (permit_number, nationality, passport_number, name, expiry); every employee must match one.", valueName: "file"))
    var permits: String?

    @Option(name: .long, help: "Workers per bundle (default: number of processors).")
    var workers: Int?

    /// The date given with --date, if any.
    func fixedDate() throws -> CalendarDate? {
        guard let date else { return nil }
        guard let parsed = CalendarDate(iso: date) else {
            throw ValidationError("--date \"\(date)\" is not a real date written YYYY-MM-DD")
        }
        return parsed
    }

    func processingDate() throws -> CalendarDate { try fixedDate() ?? CalendarDate.today() }

    /// The configuration, and with the face checks on, the landmark model loaded and its digest
    /// checked, so that a run that cannot judge faces stops before it reads any bundle.
    func configuration() throws -> Configuration {
        let configuration = try loadConfiguration(config)
        if configuration.faceChecks.enabled {
            do {
                _ = try FaceStage.model(path: configuration.faceChecks.modelPath)
            } catch {
                StandardError.print("faceChecks.modelPath: \(error); the face checks cannot run (set faceChecks.enabled to false to leave faces to the outlet's eyes)")
                throw ExitCode(configurationExitCode)
            }
        }
        return configuration
    }

    func permitExtract() throws -> PermitExtract? {
        guard let permits else { return nil }
        do {
            return try PermitExtractFile.load(path: permits)
        } catch {
            throw ValidationError(error.description)
        }
    }

    var workerCount: Int { workers ?? ProcessInfo.processInfo.activeProcessorCount }

    /// The options of a run of `mode` writing under `directory`.
    func processingOptions(_ mode: RunMode, directory: String) throws -> ProcessingOptions {
        ProcessingOptions(mode: mode, outputDirectory: directory, processingDate: try processingDate(),
                          configuration: try configuration(), workers: workerCount, permits: try permitExtract())
    }
}

/// How `process` and `precheck` print their results.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print one JSON summary object per bundle on stdout, one per line.")
    var json = false

    @Flag(name: .long, help: "Print nothing but the JSON lines (with --json) and errors.")
    var quiet = false
}

/// Exit status 78 (EX_CONFIG): the configuration file is unreadable or invalid.
let configurationExitCode: Int32 = 78

/// Reads `--config FILE` strictly; on any problem, prints each (file, key, what is wrong, the closest
/// known key) and exits 78 before anything is processed.
func loadConfiguration(_ path: String?) throws -> Configuration {
    do {
        return try ConfigurationFile.load(path: path)
    } catch {
        StandardError.print(error.description)
        throw ExitCode(configurationExitCode)
    }
}

/// Writes to stderr, for progress and diagnostics that must not mix with results on stdout.
enum StandardError {
    static func print(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
