import Foundation

/// One run of the tool as the ledger's history keeps it: who ran what where, with which tool and
/// rule set, on which inputs, and what came out. It holds no personal data: bundles and outputs are
/// named by their SHA-256, and only counts are kept.
public struct RunRecord: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case process, precheck, watchPass = "watch-pass", purge
    }

    public var kind: Kind
    /// When the run ended (UTC, ISO 8601).
    public var at: String
    public var host: String
    /// The operating-system user the tool ran as.
    public var user: String
    public var toolVersion: String
    public var ruleSetVersion: String
    /// SHA-256 of the effective configuration (as `cardbatch config --json` prints it); empty for a purge.
    public var configurationSHA256: String
    /// Each input bundle's SHA-256.
    public var inputs: [String]
    /// Each published output folder's `manifest.sha256`, by its SHA-256.
    public var outputs: [String]
    /// Bundles, employees, accepted, rejected … or, for a purge, what it removed.
    public var counts: [String: Int]
    /// A purge's oldest and newest removed dates (YYYY-MM-DD), and its limit.
    public var dates: [String: String]

    public init(kind: Kind, at: String? = nil, host: String, user: String = RunRecord.currentUser,
                toolVersion: String = CardBatchVersion.tool, ruleSetVersion: String = RuleRegistry.ruleSetVersion,
                configurationSHA256: String, inputs: [String] = [], outputs: [String] = [], counts: [String: Int] = [:],
                dates: [String: String] = [:]) {
        self.kind = kind
        self.at = at ?? Date().formatted(.iso8601)
        self.host = host
        self.user = user
        self.toolVersion = toolVersion
        self.ruleSetVersion = ruleSetVersion
        self.configurationSHA256 = configurationSHA256
        self.inputs = inputs
        self.outputs = outputs
        self.counts = counts
        self.dates = dates
    }

    /// The user this process runs as, by name (its number when it has none).
    public static var currentUser: String {
        let uid = geteuid()
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return String(uid) }
        return String(cString: name)
    }

    /// The text an entry's digest covers: JSON with sorted keys, so it is the same on every host.
    public func canonicalText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

/// A run as stored: its place in the chain, the digest of the entry before it and its own.
public struct HistoryEntry: Sendable, Codable, Equatable {
    public var sequence: Int
    public var run: RunRecord
    public var previous: String
    public var digest: String

    public init(sequence: Int, run: RunRecord, previous: String, digest: String) {
        self.sequence = sequence
        self.run = run
        self.previous = previous
        self.digest = digest
    }
}

/// What `ledger verify` found: every entry checked, the chain's head, and each problem by entry.
public struct HistoryCheck: Sendable, Codable, Equatable {
    public var entries: Int
    public var headSequence: Int
    public var headDigest: String
    public var problems: [String]

    public init(entries: Int, headSequence: Int, headDigest: String, problems: [String]) {
        self.entries = entries
        self.headSequence = headSequence
        self.headDigest = headDigest
        self.problems = problems
    }

    public var isIntact: Bool { problems.isEmpty }
}

/// The ledger's append-only record of runs. Each entry carries the digest of the one before it, keyed
/// with the deployment secret, so an edited, inserted or removed entry breaks the chain.
public protocol RunHistory: Sendable {
    /// Appends `run` after the current head and returns it as stored.
    @discardableResult
    func append(_ run: RunRecord) throws -> HistoryEntry
    /// Entries whose run ended at or after `since` (an ISO 8601 date or time), oldest first.
    func history(since: String?) throws -> [HistoryEntry]
    /// Recomputes every digest and link; with `anchor`, a head recorded earlier (sequence and
    /// digest), also checks that entry is still there unchanged, so entries cut from the end are found.
    func verifyHistory(anchor: HistoryAnchor?) throws -> HistoryCheck
}

/// An entry's place in the chain as recorded outside the ledger (`SEQ:DIGEST`, as `ledger verify`
/// prints it and a watcher logs it).
public struct HistoryAnchor: Sendable, Equatable {
    public var sequence: Int
    public var digest: String

    public init(sequence: Int, digest: String) {
        self.sequence = sequence
        self.digest = digest
    }

    /// Reads `SEQ:DIGEST`.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let sequence = Int(parts[0]), sequence > 0, !parts[1].isEmpty else { return nil }
        self.init(sequence: sequence, digest: parts[1])
    }
}

extension RunHistory {
    public func verifyHistory() throws -> HistoryCheck { try verifyHistory(anchor: nil) }
}

/// What a purge must leave alone: the output folders of bundles still pending in the ledger, and the
/// inbox names of bundles a watcher holds (claimed, or a journey not yet finished).
public struct InFlight: Sendable, Equatable {
    public var pendingOutputs: Set<String>
    public var bundleNames: Set<String>

    public init(pendingOutputs: Set<String> = [], bundleNames: Set<String> = []) {
        self.pendingOutputs = pendingOutputs
        self.bundleNames = bundleNames
    }
}

public protocol InFlightListing: Sendable {
    func inFlight() throws -> InFlight
}
