import CardBatchCore
import CardBatchNative
import CardBatchOutput
import CardBatchPipeline
import Dispatch
import Foundation
import Logging

// Start-up and shut-down: what a watcher finds after others (or it) stopped, and puts right.

extension Watcher {
    /// Creates the folders, makes the ledger agree with the published outputs, takes over the claim
    /// folders of watchers on this host that died (with a shared ledger, leases decide instead, in
    /// every pass), and discards their unpublished staging folders.
    public func startUp() throws {
        try options.folders.create()
        try FileManager.default.createDirectory(atPath: options.outputDirectory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let recovered = try BatchRunner.recover(ledger)
        for name in recovered.completed { logger.warning("ledger completed a bundle published before an interruption", metadata: ["bundle": "\(name)"]) }
        for name in recovered.rolledBack { logger.warning("ledger rolled back a bundle interrupted before publishing", metadata: ["bundle": "\(name)"]) }
        // With a shared ledger, the database's leases decide whose claims are taken over (each pass).
        for folder in claims == nil ? options.folders.orphanedClaimFolders() : [] {
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() {
                let old = "\(folder)/\(name)"
                let new = try InboxFolders.moveUnique(old, into: options.folders.claims)
                try ledger.relocate(claim: relative(old), to: relative(new), at: Self.now())
                logger.warning("recovered a bundle interrupted by a crash", metadata: ["bundle": "\(name)"])
            }
            rmdir(folder)
        }
        try finishFiledJourneys()
        removeStaleStaging()
        removeStaleMarkers()
    }

    /// Done-markers older than their bundle, or without one (`Readiness.isStale`): a watcher killed
    /// between filing a bundle and deleting its marker leaves one behind.
    func removeStaleMarkers() {
        let (files, markers) = options.folders.snapshot()
        let bundles = Dictionary(files.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for (name, marker) in markers.sorted(by: { $0.key < $1.key }) where Readiness.isStale(marker: marker, bundle: bundles[String(name.dropLast(5))]) {
            if unlink("\(options.folders.inbox)/\(name)") == 0 {
                logger.info("removed a stale done-marker", metadata: ["marker": "\(name)"])
            }
        }
    }

    /// Journeys left unfinished by a run killed after it had filed the bundle away (the last step
    /// before the journey is marked): finished from where the file now is.
    ///
    /// With `ownOnly` (every pass), only journeys of this watcher's claim folder: a filed bundle whose
    /// journey could not be finished (the ledger went away in between) is finished once it is back,
    /// and its claim released; other live watchers' journeys are theirs to finish.
    func finishFiledJourneys(ownOnly: Bool = false) throws {
        let claimed = Set(((try? FileManager.default.contentsOfDirectory(atPath: options.folders.claims)) ?? []))
        let own = relative(options.folders.claims) + "/"
        for var journey in try ledger.activeJourneys() where (!ownOnly || journey.claim.hasPrefix(own))
            && !FileManager.default.fileExists(atPath: "\(options.folders.inbox)/\(journey.claim)") {
            // Still waiting in a claim folder (moved there by a recovery whose record was lost): not filed.
            if claimed.contains(journey.original) { continue }
            let stem = (journey.original as NSString).deletingPathExtension
            func filed(in folder: String) -> String? {
                ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().first {
                    $0 == journey.original || ($0.hasPrefix(stem + "-") && $0.lowercased().hasSuffix(".zip"))
                }.map { "\(folder)/\($0)" }
            }
            if let path = filed(in: options.folders.archive) {
                journey.state = .done
                journey.destination = relative(path)
            } else if let path = filed(in: options.folders.rejected) {
                journey.state = .rejected
                journey.destination = relative(path)
            } else {
                continue
            }
            journey.outcome = (try? ledger.recordedBundle(sha256: (try? SHA256File.hex(journey.destination, inbox: options.folders.inbox)) ?? ""))??.outcome ?? journey.outcome
            journey.updatedAt = Self.now()
            try ledger.finish(journey)
            try claims?.release(journey.original)
            logger.warning("finished the record of a bundle filed before an interruption", metadata: ["bundle": "\(journey.original)"])
        }
    }

    /// Removes this watcher's claim folder when it is empty (on a clean exit).
    public func shutDown() {
        rmdir(options.folders.claims)
    }

    /// Staging folders (`.NAME.staging-PID-N@HOST`) of this host's processes that are gone were never
    /// published. Another host's are left to it: its pid means nothing here.
    func removeStaleStaging() {
        let host = ProcessInfo.processInfo.hostName
        for name in (try? FileManager.default.contentsOfDirectory(atPath: options.outputDirectory)) ?? [] {
            guard let maker = StagedFolder.maker(of: name), maker.host == nil || maker.host == host else { continue }
            if maker.pid != getpid() && kill(maker.pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(atPath: "\(options.outputDirectory)/\(name)")
            }
        }
    }
}

/// The SHA-256 of a file under the inbox, to look its bundle up in the ledger.
enum SHA256File {
    static func hex(_ relative: String, inbox: String) throws -> String {
        try SHA256.hex(fileAt: "\(inbox)/\(relative)")
    }
}

