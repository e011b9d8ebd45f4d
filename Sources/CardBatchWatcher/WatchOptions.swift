public import CardBatchCore
public import Foundation

/// Everything a watcher needs to know.
public struct WatchOptions: Sendable {
    public var folders: InboxFolders
    public var outputDirectory: String
    /// Fixed processing date (`--date`), or nil for each pass's own day.
    public var fixedDate: CalendarDate?
    public var configuration: Configuration
    public var permits: PermitExtract?
    public var workers: Int
    /// Seconds between polls (service mode).
    public var pollInterval: Double
    /// A bundle without a done-marker is taken only once unchanged for this many seconds.
    public var minimumAge: Double
    /// With `--once`, the pause between the two looks that prove a file is no longer growing.
    public var settle: Double
    /// Most bundles taken in one pass.
    public var maxPerPass: Int
    /// A bundle whose processing was started this many times without finishing is quarantined.
    public var maxAttempts: Int
    public var metricsPath: String
    /// Longest wait between polls while the ledger is unreachable (the wait doubles from the poll
    /// interval up to this).
    public var maxBackoff: Double
    public var summaryDirectory: String
    /// This host's name in the run history.
    public var host: String
    /// When set, a purge of what is older than this many days runs after a pass, at most once a day.
    public var purgeAfterDays: Int?

    public init(inbox: String, outputDirectory: String, fixedDate: CalendarDate? = nil, configuration: Configuration = Configuration(),
                permits: PermitExtract? = nil, workers: Int = ProcessInfo.processInfo.activeProcessorCount, pollInterval: Double = 30,
                minimumAge: Double = 60, settle: Double = 5, maxPerPass: Int = 100, maxAttempts: Int = 3, metricsPath: String? = nil,
                maxBackoff: Double = 300, owner: String? = nil, host: String = ProcessInfo.processInfo.hostName, purgeAfterDays: Int? = nil) {
        self.host = host
        self.purgeAfterDays = purgeAfterDays
        folders = InboxFolders(inbox: inbox, owner: owner)
        self.maxBackoff = maxBackoff
        self.outputDirectory = outputDirectory
        self.fixedDate = fixedDate
        self.configuration = configuration
        self.permits = permits
        self.workers = workers
        self.pollInterval = pollInterval
        self.minimumAge = minimumAge
        self.settle = settle
        self.maxPerPass = maxPerPass
        self.maxAttempts = maxAttempts
        self.metricsPath = metricsPath ?? outputDirectory + "/cardbatch.prom"
        summaryDirectory = outputDirectory
    }
}
