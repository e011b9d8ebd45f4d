import ArgumentParser
import CardBatchIntake
import CardBatchNative
import CardBatchSamples
import Foundation

@main
struct SamplesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cardbatch-samples",
        abstract: "Builds samples/ and benchmark bundles, and checks that cardbatch judged the samples as documented.",
        subcommands: [Write.self, Verify.self, Bench.self, Floor.self, Stages.self, Calibrate.self, FuzzSeedsCommand.self, Mutate.self, DocImages.self, FrontalDetector.self]
    )

    struct Write: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write every sample bundle, expected.json, the schemas and the CSV template.")
        @Argument var directory: String = "samples"
        func run() throws {
            try SampleCatalogue.writeAll(to: directory)
            print("wrote samples to \(directory)")
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Compare cardbatch's bundle reports with samples/expected.json.")
        @Option var samples = "samples"
        @Option var out: String
        func run() throws {
            let (checked, mismatches) = try SampleVerifier.verify(samples: samples, output: out)
            for m in mismatches { print("MISMATCH \(m)") }
            print("\(checked - Set(mismatches.map(\.bundle)).count) passed, \(Set(mismatches.map(\.bundle)).count) failed")
            if !mismatches.isEmpty { throw ExitCode(1) }
        }
    }

    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a benchmark bundle of N employees.")
        @Option var employees = 1_000
        @Flag(help: "Write the roster as roster.xml instead of roster.csv.") var xml = false
        @Option var out: String
        func run() throws {
            try BenchBundle.write(employees: employees, xml: xml, to: out)
        }
    }

    struct Floor: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The decode floor for `make bench`: inflate every photo of a bundle and decode it at half size, nothing else.")
        @Argument var bundle: String
        @Option var workers = 2
        func run() throws {
            print("\(try BenchStages.floor(path: bundle, workers: workers)) photos decoded")
        }
    }

    struct Stages: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "CPU per photo of each stage of the photo check, on one thread, for `make bench`.")
        @Argument var bundle: String
        func run() throws {
            let stages = try BenchStages.stages(path: bundle)
            func line(_ name: String, _ ms: Double) { print(name.padding(toLength: 44, withPad: " ", startingAt: 0) + String(format: "%7.3f", ms)) }
            for (name, ms) in stages.rows { line(name, ms) }
            line("all stages", stages.rows.reduce(0) { $0 + $1.1 })
        }
    }

    struct Calibrate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Measure the calibration set: every photo's measurements and the rules that fired.")
        @Option(help: "Also write every calibration photo into this folder, named after its label.") var dump: String?
        @Flag(help: "The face checks' set (real faces), judged by the face rules, instead of the pixel checks' set.") var faces = false
        func run() throws {
            let items = faces ? FaceCalibrationSet.build() : CalibrationSet.build()
            if let dump {
                try FileManager.default.createDirectory(atPath: dump, withIntermediateDirectories: true)
                for item in items {
                    let name = item.label.map { $0.isLetter || $0.isNumber ? $0 : "-" }
                    try Data(item.jpeg).write(to: URL(fileURLWithPath: "\(dump)/\(String(name)).jpg"))
                }
            }
            print(faces ? CalibrationReport.table(for: items, configuration: FaceCalibrationSet.configuration, rules: FaceCalibrationSet.rules)
                        : CalibrationReport.table(for: items))
        }
    }

    struct FuzzSeedsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "fuzz-seeds", abstract: "Write small seed inputs for each fuzz harness, one folder per harness.")
        @Argument var directory: String
        func run() throws {
            try FuzzSeeds.write(to: directory, configurationKeys: ConfigurationFile.knownKeys)
        }
    }

    struct Mutate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write damaged copies of the sample bundles for a mutation campaign, with damage.txt saying what each is.")
        @Option var samples = "samples"
        @Option var count = 3_000
        @Option var seed: UInt64 = 1
        @Option var out: String
        func run() throws {
            try BundleMutator.writeCampaign(samples: samples, count: count, seed: seed, to: out)
        }
    }

    struct DocImages: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "doc-images", abstract: "Write the photo examples of the employer guides.")
        @Argument var directory: String = "docs/images"
        func run() throws {
            try DocumentationImages.write(to: directory)
        }
    }

    struct FrontalDetector: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "frontal-detector",
            abstract: "Write dlib's frontal face detector, unpacked from dlib's headers, as the C include file CFaceDetect builds in."
        )
        @Argument var file: String = "Sources/CFaceDetect/frontal_face_detector.inc"
        func run() throws {
            let bytes = try FrontalDetectorData.fromDlib()
            try Data(FrontalDetectorData.includeFile(serialized: bytes).utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
            print("wrote \(file) (\(bytes.count) bytes of dlib's detector)")
        }
    }
}
