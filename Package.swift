// swift-tools-version:6.0
import Foundation
import PackageDescription

let package = Package(
    name: "cardbatch",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "cardbatch", targets: ["cardbatch"]),
        .library(name: "CardBatchPipeline", targets: ["CardBatchPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // C libraries, each wrapped once (in CardBatchNative).
        .systemLibrary(name: "CLibZip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
        // zlib, which libzip itself inflates with: the workers inflate photo entries whose compressed
        // bytes libzip read for them, so one libzip handle (one central directory) serves them all.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CTurboJPEG", pkgConfig: "libturbojpeg", providers: [.apt(["libturbojpeg0-dev"])]),
        .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CQPDF", pkgConfig: "libqpdf", providers: [.apt(["libqpdf-dev"])]),
        .systemLibrary(name: "CLibPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLibExif", pkgConfig: "libexif", providers: [.apt(["libexif-dev"])]),
        // PostgreSQL's own client library, for the shared ledger of several hosts.
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        // Prefixed C wrappers for system calls Swift cannot reach (syncfs is a GNU extension).
        .target(name: "CSystemShims"),
        // Prefixed C wrappers over jpeglib's macro- and setjmp-based API (quantisation tables, ICC profile).
        .target(name: "CJPEGInfo", linkerSettings: [.linkedLibrary("jpeg")]),
        // dlib's HOG face detector and 5-point landmarks behind a C interface (C++, exceptions caught inside).
        // dlib's detector is header templates compiled here: optimised even in debug builds (at -O0 a
        // search takes over a second), and NDEBUG so dlib's own asserts stay off as Debian builds it.
        .target(name: "CFaceDetect", exclude: ["frontal_face_detector.inc"], cxxSettings: [.unsafeFlags(["-O2"]), .define("NDEBUG")],
                linkerSettings: [.linkedLibrary("dlib"), .linkedLibrary("lapack"), .linkedLibrary("blas")]),

        // Pure core: models, rules, findings, configuration. No files, no C, no clock. Its rule registry
        // is generated from the rule files on every build (a new rule is one file).
        // Optimised in every configuration: its pixel and face measures run on every photo, and
        // unoptimised (debug, sanitizer) builds would make the suite's calibration and process tests
        // crawl. Debug information is kept.
        .target(name: "CardBatchCore", swiftSettings: [.unsafeFlags(["-O"])], plugins: ["RuleRegistryPlugin"]),
        .executableTarget(name: "RuleRegistryGenerator"),
        .plugin(name: "RuleRegistryPlugin", capability: .buildTool(), dependencies: ["RuleRegistryGenerator"]),
        // Small safe Swift types over the C libraries.
        .target(name: "CardBatchNative", dependencies: ["CLibZip", "CZlib", "CLibXML2", "CTurboJPEG", "CLibCrypto", "CQPDF", "CLibPNG", "CSQLite", "CLibExif", "CLibPQ", "CJPEGInfo", "CFaceDetect"]),
        // Reading a bundle: safe ZIP intake, roster parsing, photo and letter facts.
        .target(name: "CardBatchIntake", dependencies: ["CardBatchCore", "CardBatchNative"]),
        // Writing results: atomic files, reports, accepted records, manifest.
        .target(name: "CardBatchOutput", dependencies: ["CardBatchCore", "CardBatchNative", "CSystemShims"]),
        // The ledger of processed bundles and accepted employees, on SQLite (behind CardBatchCore's Ledger protocol).
        .target(name: "CardBatchLedger", dependencies: ["CardBatchCore", "CardBatchNative"]),
        // Bundles in, outputs out; concurrency lives here.
        .target(name: "CardBatchPipeline", dependencies: ["CardBatchCore", "CardBatchIntake", "CardBatchOutput", "CardBatchNative", "CSystemShims"]),
        // The nightly inbox watcher: readiness, claims, recovery, quarantine, metrics, summaries.
        .target(name: "CardBatchWatcher", dependencies: [
            "CardBatchCore", "CardBatchPipeline", "CardBatchOutput", "CardBatchNative", "CSystemShims",
            .product(name: "Logging", package: "swift-log"),
        ]),
        // What cardbatch prints on a terminal: result lines, the pre-check summary, rule and configuration
        // text, progress. Renderers take a style, so they are tested without a terminal.
        .target(name: "CardBatchConsole", dependencies: ["CardBatchCore", "CardBatchOutput", "CardBatchPipeline"]),
        .executableTarget(name: "cardbatch", dependencies: [
            "CardBatchConsole", "CardBatchIntake", "CardBatchPipeline", "CardBatchLedger", "CardBatchWatcher", .product(name: "Logging", package: "swift-log"), .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Portraits (public-domain photographs of real people composed onto white, samples/faces/),
        // rosters, letters and bundles (clean and hostile), for samples/, the benchmark and the tests,
        // built with the same libraries the product links.
        // Optimised in every configuration, for the same reason: it composes every test photo.
        .target(name: "CardBatchSamples", dependencies: ["CardBatchNative", "CardBatchCore", "CardBatchIntake", "CardBatchOutput"],
                swiftSettings: [.unsafeFlags(["-O"])]),
        .executableTarget(name: "cardbatch-samples", dependencies: [
            "CardBatchSamples", "CardBatchIntake", "CardBatchNative", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // One harness per parser of outside bytes, for libFuzzer and the regression tests.
        .target(name: "CardBatchFuzzing", dependencies: ["CardBatchCore", "CardBatchIntake", "CardBatchNative", "CardBatchPipeline"]),

        .target(name: "CardBatchTestSupport", dependencies: ["CardBatchNative", "CardBatchCore", "CardBatchSamples", "CardBatchLedger"], path: "Tests/CardBatchTestSupport"),
        // One test target per module, one suite per file; EndToEnd runs the built binary.
        .testTarget(name: "CardBatchCoreTests", dependencies: ["CardBatchCore"]),
        .testTarget(name: "CardBatchNativeTests", dependencies: ["CardBatchNative", "CardBatchTestSupport", "CardBatchSamples", "CardBatchCore"]),
        .testTarget(name: "CardBatchIntakeTests", dependencies: ["CardBatchIntake", "CardBatchTestSupport", "CardBatchCore", "CardBatchNative", "CardBatchSamples"]),
        .testTarget(name: "CardBatchOutputTests", dependencies: ["CardBatchOutput", "CardBatchTestSupport", "CardBatchCore"]),
        .testTarget(name: "CardBatchLedgerTests", dependencies: ["CardBatchLedger", "CardBatchTestSupport", "CardBatchCore"]),
        .testTarget(name: "CardBatchPipelineTests", dependencies: [
            "CardBatchPipeline", "CardBatchTestSupport", "CardBatchCore", "CardBatchNative", "CardBatchOutput", "CardBatchSamples", "CardBatchLedger", "CardBatchIntake",
        ]),
        .testTarget(name: "CardBatchConsoleTests", dependencies: ["CardBatchConsole", "CardBatchTestSupport", "CardBatchPipeline", "CardBatchCore"]),
        .testTarget(name: "CardBatchWatcherTests", dependencies: ["CardBatchWatcher", "CardBatchTestSupport", "CardBatchSamples", "CardBatchLedger", "CardBatchCore"]),
        .testTarget(name: "CardBatchFuzzingTests", dependencies: ["CardBatchFuzzing", "CardBatchTestSupport"]),
        .testTarget(name: "CardBatchEndToEndTests", dependencies: ["CardBatchTestSupport", "CardBatchNative", "CardBatchCore", "CardBatchSamples"]),
    ]
)

// Fuzzing builds (`make fuzz`, CARDBATCH_FUZZ=1): the libFuzzer executable, and coverage plus
// AddressSanitizer on the code it fuzzes. Set per target rather than with -Xswiftc, which would also
// reach the build-time RuleRegistryGenerator and give it libFuzzer's `main`.
if ProcessInfo.processInfo.environment["CARDBATCH_FUZZ"] != nil {
    package.targets.append(.executableTarget(name: "cardbatch-fuzz", dependencies: ["CardBatchFuzzing"],
                                             linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]))
    let cTargets = ["CSystemShims", "CJPEGInfo"]
    for target in package.targets where target.name.hasPrefix("CardBatch") || cTargets.contains(target.name) || target.name == "cardbatch-fuzz" {
        if cTargets.contains(target.name) {
            target.cSettings = (target.cSettings ?? []) + [.unsafeFlags(["-fsanitize=fuzzer-no-link,address"])]
        } else {
            target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-sanitize=fuzzer,address"])]
        }
    }
}

// Shared compiler settings, applied to every target at once.
for target in package.targets where target.type != .system && target.type != .plugin && !["CSystemShims", "CJPEGInfo", "CFaceDetect"].contains(target.name) {
    var settings = target.swiftSettings ?? []
    settings.append(.swiftLanguageMode(.v6))
    // https://github.com/swiftlang/swift-evolution/blob/main/proposals/0335-existential-any.md
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    // Imports are internal unless marked public, so a C type cannot leak through a public API by accident:
    // https://github.com/swiftlang/swift-evolution/blob/main/proposals/0409-access-level-on-imports.md
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    // A member is visible only where its module is imported:
    // https://github.com/swiftlang/swift-evolution/blob/main/proposals/0444-member-import-visibility.md
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
