public import CardBatchCore
public import CardBatchOutput
public import Foundation

/// What a run does with its bundles.
public enum RunMode: Sendable, Equatable {
    /// `cardbatch process`: accepted records, photos and reports.
    case process
    /// `cardbatch precheck`: the same rules, reports only, no accepted records.
    case precheck
}

/// Everything a run needs besides its bundles.
public struct ProcessingOptions: Sendable {
    public var mode: RunMode
    /// Where each bundle's output folder is created.
    public var outputDirectory: String
    public var processingDate: CalendarDate
    public var configuration: Configuration
    /// Workers per bundle; defaults to the number of active processors.
    public var workers: Int
    /// The reference extract of valid work permits (`--permits FILE`), if any.
    public var permits: PermitExtract?
    /// The ledger of processed bundles and accepted employees (`process` only), if any.
    public var ledger: (any Ledger)?
    /// The language `precheck`'s report.html shows first.
    public var reportLanguage: ReportLanguage = .both
    /// Told of progress (the terminal's progress bar), if anyone listens.
    public var progress: (any ProgressSink)?
    /// Seconds to wait, at publishing, for another live run that has reserved the same bytes in the
    /// ledger to finish them (a run that stopped is resolved at once). Past it the bundle fails and
    /// is tried again (the watcher's next pass).
    public var pendingWait: Double = 600

    public init(mode: RunMode, outputDirectory: String, processingDate: CalendarDate, configuration: Configuration = Configuration(),
                workers: Int = ProcessInfo.processInfo.activeProcessorCount, permits: PermitExtract? = nil, ledger: (any Ledger)? = nil) {
        self.ledger = ledger
        self.mode = mode
        self.outputDirectory = outputDirectory
        self.processingDate = processingDate
        self.configuration = configuration
        self.workers = max(1, workers)
        self.permits = permits
    }
}

/// One bundle to process and the name of its output folder.
public struct BundleJob: Sendable, Equatable {
    public var path: String
    public var outputName: String

    public init(path: String, outputName: String) {
        self.path = path
        self.outputName = outputName
    }

    /// Jobs for `paths`, each output folder named after its bundle (`acme.zip` → `acme`); two bundles
    /// with the same file name in one batch get `-2`, `-3` … in the order given.
    public static func jobs(for paths: [String]) -> [BundleJob] {
        var used: [String: Int] = [:]
        return paths.map { path in
            var stem = (path as NSString).lastPathComponent
            if stem.lowercased().hasSuffix(".zip") { stem = String(stem.dropLast(4)) }
            stem = String(stem.map { $0 == "/" || $0 == "\\" || $0.isNewline ? "_" : $0 })
            if stem.isEmpty || stem.hasPrefix(".") { stem = "bundle" + stem }
            let count = (used[stem.lowercased()] ?? 0) + 1
            used[stem.lowercased()] = count
            return BundleJob(path: path, outputName: count == 1 ? stem : "\(stem)-\(count)")
        }
    }
}
