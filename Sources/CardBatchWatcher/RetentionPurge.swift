public import CardBatchCore
import CardBatchOutput
public import Foundation

/// What `cardbatch purge` removes once the retention has run out: result folders under an output
/// folder (accepted photos and records, rejection reports, bundle reports) and the archived,
/// rejected and quarantined bundles of a watcher's inbox. Nothing in flight is touched: staging
/// folders, claim folders, the inbox's own top level, the folder of a bundle still pending in the
/// ledger and any bundle a watcher holds are never candidates. A thing's age is the later of its
/// modification and status-change times, so a bundle that arrived with an old modification time
/// counts from when it was filed.
public enum RetentionPurge {
    public struct Item: Sendable, Equatable, Codable {
        public enum Kind: String, Sendable, Codable { case resultFolder = "result-folder", inboxBundle = "inbox-file" }
        public var kind: Kind
        public var path: String
        /// When it was last changed (seconds since 1970).
        public var changed: Double
        public var bytes: Int64
    }

    public struct Plan: Sendable, Equatable {
        public var items: [Item] = []
        /// Old enough, but in flight in the ledger: kept.
        public var keptInFlight: [String] = []
    }

    /// The limits, in days, and the folders to look in.
    public struct Scope: Sendable {
        public var outputDirectory: String?
        public var inbox: String?
        public var resultDays: Int
        public var inboxDays: Int

        public init(outputDirectory: String?, inbox: String?, resultDays: Int, inboxDays: Int) {
            self.outputDirectory = outputDirectory
            self.inbox = inbox
            self.resultDays = resultDays
            self.inboxDays = inboxDays
        }
    }

    /// What is older than the limits and not in flight, oldest first. `inFlight` is asked after the
    /// folders are listed: a bundle published after the listing is not a candidate, and one listed
    /// while still pending is then still pending, or done.
    public static func plan(_ scope: Scope, now: Date = Date(), inFlight: () throws -> InFlight) rethrows -> Plan {
        var candidates = Plan()
        if let out = scope.outputDirectory {
            let limit = now.timeIntervalSince1970 - Double(scope.resultDays) * 86_400
            for name in entries(out) where !name.hasPrefix(".") {
                let path = "\(out)/\(name)"
                guard let info = status(path), info.isDirectory, let report = status("\(path)/\(ResultLayout.bundleReport)"), report.isRegular,
                      info.changed < limit else { continue }
                candidates.items.append(Item(kind: .resultFolder, path: path, changed: info.changed, bytes: size(of: path)))
            }
        }
        if let inbox = scope.inbox {
            let folders = InboxFolders(inbox: inbox, owner: "purge")
            let limit = now.timeIntervalSince1970 - Double(scope.inboxDays) * 86_400
            for folder in [folders.archive, folders.rejected, folders.quarantine] {
                for name in entries(folder) where !name.hasPrefix(".") {
                    let path = "\(folder)/\(name)"
                    guard let info = status(path), info.isRegular, info.changed < limit else { continue }
                    candidates.items.append(Item(kind: .inboxBundle, path: path, changed: info.changed, bytes: info.bytes))
                }
            }
        }
        let flight = try inFlight()
        let heldFolders = Set(flight.pendingOutputs.map { ($0 as NSString).lastPathComponent })
        let heldNames = Set(flight.bundleNames.map { ($0 as NSString).lastPathComponent })
        var plan = Plan()
        for item in candidates.items {
            let name = (item.path as NSString).lastPathComponent
            // A filed bundle may carry a suffix (NAME-2.zip) or a note (NAME.zip.note.txt): kept
            // while a watcher holds any bundle of that name.
            let held = item.kind == .resultFolder ? heldFolders.contains(name) : heldNames.contains { filed(name, isFormOf: $0) }
            if held { plan.keptInFlight.append(item.path) } else { plan.items.append(item) }
        }
        plan.items.sort { ($0.changed, $0.path) < ($1.changed, $1.path) }
        return plan
    }

    /// Whether `name` in archive/, rejected/ or quarantine/ is `bundle` as filed: the name itself,
    /// with a note (`NAME.zip.note.txt`), or made unique (`NAME-2.zip`).
    static func filed(_ name: String, isFormOf bundle: String) -> Bool {
        if name == bundle || name.hasPrefix(bundle + ".") { return true }
        let ext = (bundle as NSString).pathExtension
        let stem = ext.isEmpty ? bundle : String(bundle.dropLast(ext.count + 1))
        guard name.hasPrefix(stem + "-") else { return false }
        let rest = name.dropFirst(stem.count + 1)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        return !digits.isEmpty && rest.dropFirst(digits.count).hasPrefix(ext.isEmpty ? "" : "." + ext)
    }

    /// Removes what `plan` lists. A result folder is first renamed to a hidden `.NAME.purging-PID`
    /// beside it, so an interrupted removal never leaves a half folder looking like a result; the
    /// next purge finishes such leftovers. Returns what was removed and what could not be.
    public static func execute(_ plan: Plan) -> (removed: [Item], failures: [String]) {
        var removed: [Item] = [], failures: [String] = []
        for item in plan.items {
            switch item.kind {
            case .resultFolder:
                let folder = (item.path as NSString).deletingLastPathComponent
                let hidden = "\(folder)/.\((item.path as NSString).lastPathComponent).purging-\(getpid())"
                guard rename(item.path, hidden) == 0 else {
                    if errno != ENOENT { failures.append("\(item.path): \(String(cString: strerror(errno)))") }
                    continue
                }
                do {
                    try FileManager.default.removeItem(atPath: hidden)
                    removed.append(item)
                } catch {
                    failures.append("\(hidden): \(error.localizedDescription)")
                }
            case .inboxBundle:
                if unlink(item.path) == 0 { removed.append(item) } else if errno != ENOENT {
                    failures.append("\(item.path): \(String(cString: strerror(errno)))")
                }
            }
        }
        return (removed, failures)
    }

    /// Removes what an interrupted purge left (`.NAME.purging-PID` folders whose process is gone).
    public static func finishInterrupted(outputDirectory: String) {
        for name in entries(outputDirectory) where name.hasPrefix(".") && name.contains(".purging-") {
            guard let pid = Int32(name.split(separator: "-").last ?? ""), pid != getpid(), kill(pid, 0) != 0 else { continue }
            try? FileManager.default.removeItem(atPath: "\(outputDirectory)/\(name)")
        }
    }

    /// The purge's history entry: counts and dates only, no names.
    public static func record(_ scope: Scope, plan: Plan, removed: [Item], failures: Int, host: String) -> RunRecord {
        let day = { (seconds: Double) in String(Date(timeIntervalSince1970: seconds).formatted(.iso8601).prefix(10)) }
        var dates = ["resultLimitDays": String(scope.resultDays), "inboxLimitDays": String(scope.inboxDays)]
        if let oldest = removed.map(\.changed).min(), let newest = removed.map(\.changed).max() {
            dates["oldest"] = day(oldest)
            dates["newest"] = day(newest)
        }
        return RunRecord(kind: .purge, host: host, configurationSHA256: "", counts: [
            "resultFolders": removed.filter { $0.kind == .resultFolder }.count,
            "inboxFiles": removed.filter { $0.kind == .inboxBundle }.count,
            "bytes": Int(removed.map(\.bytes).reduce(0, +)),
            "keptInFlight": plan.keptInFlight.count,
            "failures": failures,
        ], dates: dates)
    }

    struct Status {
        var isDirectory: Bool
        var isRegular: Bool
        var changed: Double
        var bytes: Int64
    }

    static func status(_ path: String) -> Status? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
        let changed = Double(info.st_ctim.tv_sec) + Double(info.st_ctim.tv_nsec) / 1e9
        return Status(isDirectory: info.st_mode & S_IFMT == S_IFDIR, isRegular: info.st_mode & S_IFMT == S_IFREG,
                      changed: max(modified, changed), bytes: Int64(info.st_size))
    }

    static func entries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    /// Bytes of the regular files under `path`, links not followed.
    static func size(of path: String) -> Int64 {
        var total: Int64 = 0
        for name in entries(path) {
            guard let info = status("\(path)/\(name)") else { continue }
            if info.isDirectory { total += size(of: "\(path)/\(name)") } else if info.isRegular { total += info.bytes }
        }
        return total
    }
}
