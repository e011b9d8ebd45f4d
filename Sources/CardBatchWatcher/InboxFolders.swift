import CSystemShims
import Foundation

/// A failure of the watcher's own file operations: the path, what was being done, the system's message.
public struct InboxError: Error, CustomStringConvertible, Sendable {
    public let description: String

    static func errno(_ operation: String, _ path: String) -> InboxError {
        InboxError(description: "\(operation) \(path): \(String(cString: strerror(Foundation.errno)))")
    }
}

/// The folders of an inbox. Bundles arrive at its top level; a watcher claims one by renaming it into
/// its own `processing/<host>-<pid>/` folder, so no other watcher, and no `process` run, takes it;
/// afterwards it moves to `archive/` (accepted or partly accepted), `rejected/` (refused as a whole,
/// or a resubmission) or `quarantine/` (it crashed the tool too often).
public struct InboxFolders: Sendable {
    public let inbox: String
    public let processing: String
    public let archive: String
    public let rejected: String
    public let quarantine: String
    /// This watcher's own claim folder.
    public let claims: String
    public let owner: String

    /// `owner` names this watcher's claim folder: `<host>-<pid>` unless a test gives another.
    public init(inbox: String, owner: String? = nil) {
        self.inbox = inbox
        processing = inbox + "/processing"
        archive = inbox + "/archive"
        rejected = inbox + "/rejected"
        quarantine = inbox + "/quarantine"
        self.owner = owner ?? "\(ProcessInfo.processInfo.hostName)-\(getpid())"
        claims = processing + "/" + self.owner
    }

    public func create() throws(InboxError) {
        for folder in [inbox, processing, archive, rejected, quarantine, claims] {
            if mkdir(folder, 0o700) != 0 && Foundation.errno != EEXIST { throw .errno("create folder", folder) }
        }
    }

    /// Regular files at the inbox's top level (symbolic links and folders are not bundles), and the
    /// done-markers (`NAME.zip.done`) by name.
    public func snapshot() -> (files: [FileSnapshot], markers: [String: FileSnapshot]) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: inbox)) ?? []
        var files: [FileSnapshot] = []
        var markers: [String: FileSnapshot] = [:]
        for name in names {
            var info = stat()
            guard lstat("\(inbox)/\(name)", &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            let snapshot = FileSnapshot(
                name: name, size: Int64(info.st_size),
                modified: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9,
                changed: Double(info.st_ctim.tv_sec) + Double(info.st_ctim.tv_nsec) / 1e9)
            if name.lowercased().hasSuffix(".done") { markers[name] = snapshot } else { files.append(snapshot) }
        }
        return (files, markers)
    }

    /// Claims `name` from the inbox into this watcher's claim folder. Returns the claimed path, or
    /// nil when the file is gone (another watcher, or a manual run, took it first).
    public func claim(_ name: String) throws(InboxError) -> String? {
        let target = "\(claims)/\(name)"
        if cardbatch_rename_noreplace("\(inbox)/\(name)", target) == 0 { return target }
        if Foundation.errno == ENOENT {
            // Our own claim folder gone (another watcher removed it, empty, believing us dead): made
            // again, and the claim tried once more.
            guard access(claims, F_OK) != 0, mkdir(claims, 0o700) == 0 else { return nil }
            if cardbatch_rename_noreplace("\(inbox)/\(name)", target) == 0 { return target }
            if Foundation.errno == ENOENT { return nil }
        }
        throw .errno("claim", "\(inbox)/\(name)")
    }

    /// Moves `path` into `folder` under its own name, or `NAME-2.zip`, `NAME-3.zip` … when that is
    /// taken: never overwriting. Returns the new path.
    @discardableResult
    public static func moveUnique(_ path: String, into folder: String) throws(InboxError) -> String {
        let name = (path as NSString).lastPathComponent
        let stem = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
        for n in 1...10_000 {
            let candidate = n == 1 ? name : "\(stem)-\(n)" + (ext.isEmpty ? "" : ".\(ext)")
            let target = "\(folder)/\(candidate)"
            if cardbatch_rename_noreplace(path, target) == 0 { return target }
            if Foundation.errno != EEXIST { throw .errno("move", path) }
        }
        throw InboxError(description: "move \(path): 10,000 names taken in \(folder)")
    }

    /// Claim folders of watchers on this host whose process is gone: their bundles were interrupted.
    public func orphanedClaimFolders() -> [String] {
        let host = ProcessInfo.processInfo.hostName
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: processing)) ?? []
        return folders.sorted().compactMap { folder in
            guard folder != owner, folder.hasPrefix(host + "-"), let pid = Int32(folder.dropFirst(host.count + 1)) else { return nil }
            return kill(pid, 0) == 0 || Foundation.errno == EPERM ? nil : "\(processing)/\(folder)"
        }
    }
}
