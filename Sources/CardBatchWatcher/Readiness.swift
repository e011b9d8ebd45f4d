/// What one poll saw of an inbox file.
public struct FileSnapshot: Sendable, Equatable {
    public var name: String
    public var size: Int64
    /// Modification time and status-change time, in seconds since 1970.
    public var modified: Double
    public var changed: Double

    public init(name: String, size: Int64, modified: Double, changed: Double) {
        self.name = name
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    /// When the file last changed in any way. A copy that preserves the source's modification time
    /// (`cp -p`, many sync tools) cannot preserve the status-change time, so the later of the two is
    /// what "age" is measured from.
    public var lastChange: Double { max(modified, changed) }
}

/// Decides which inbox files are complete bundles. Pure: it sees snapshots and a clock value, never
/// the file system, so every rule is tested with plain values.
public enum Readiness {
    /// Hidden and temporary files are never bundles: `.*`, `*.part`, `*.tmp`, `~*`, and the markers.
    public static func isIgnored(_ name: String) -> Bool {
        let lower = name.lowercased()
        return name.hasPrefix(".") || name.hasPrefix("~") || lower.hasSuffix(".part") || lower.hasSuffix(".tmp")
            || lower.hasSuffix(".done") || lower.hasSuffix(".crdownload")
    }

    /// Candidates are ZIP files that are not ignored.
    public static func isCandidate(_ name: String) -> Bool {
        !isIgnored(name) && name.lowercased().hasSuffix(".zip")
    }

    /// The bundles ready to take, oldest first (then by name), at most `limit`:
    /// - a bundle with a done-marker `NAME.zip.done` is ready at once, when the marker is its own: not
    ///   older than the bundle (see `isStale`);
    /// - any other is ready when a previous poll saw it with the same size and times, and it has not
    ///   changed for at least `minimumAge` seconds.
    public static func ready(current: [FileSnapshot], previous: [String: FileSnapshot], markers: [String: FileSnapshot],
                             now: Double, minimumAge: Double, limit: Int) -> [FileSnapshot] {
        let ready = current.filter { snapshot in
            guard isCandidate(snapshot.name) else { return false }
            if let marker = markers[snapshot.name + ".done"], !isStale(marker: marker, bundle: snapshot) { return true }
            guard let before = previous[snapshot.name], before == snapshot else { return false }
            return now - snapshot.lastChange >= minimumAge
        }
        return Array(ready.sorted { ($0.lastChange, $0.name) < ($1.lastChange, $1.name) }.prefix(max(0, limit)))
    }

    /// A sender writes `NAME.zip.done` after the bundle is complete, so a marker older than its
    /// bundle belongs to an earlier bundle of that name (left behind when a watcher was killed
    /// between filing that bundle and deleting its marker), and one without a bundle is left over
    /// too. Trusting either would take a new bundle of that name at once, even mid-copy.
    public static func isStale(marker: FileSnapshot, bundle: FileSnapshot?) -> Bool {
        guard let bundle else { return true }
        return marker.lastChange < bundle.lastChange
    }
}
