public import CardBatchCore
import CardBatchNative
import Foundation

/// One bundle's output folder, built aside and published in one rename.
///
/// Files are written (owner-only by default) into a hidden staging folder next to the final one.
/// `publish()` writes nothing more: it makes the staging folder durable, renames it to its final
/// name (replacing an earlier run's folder) and fsyncs the parent. A crash before publishing leaves
/// only a hidden `.NAME.staging-*` folder, which never looks like a result; after it, the whole result.
public final class StagedFolder: Sendable {
    public let finalPath: String
    public let stagingPath: String
    let fileMode: mode_t
    let directoryMode: mode_t
    /// Every file written so far with its SHA-256, for the manifest (a bundle of 100,000 accepted
    /// photos keeps 100,000 of them: see `ManifestEntries`).
    private let digests = Locked(ManifestEntries())
    /// The `precheck` page's thumbnails until the page is written (see `ThumbnailSpill`).
    let thumbnailSpill = Locked<ThumbnailSpill?>(nil)

    public init(parent: String, name: String, settings: OutputSettings) throws(OutputError) {
        fileMode = mode_t(settings.fileModeBits ?? 0o600)
        directoryMode = mode_t(settings.directoryModeBits ?? 0o700)
        try DurableFiles.makeDirectories(parent, mode: directoryMode)
        finalPath = "\(parent)/\(name)"
        stagingPath = "\(parent)/.\(name).staging-\(Self.processTag())"
        try DurableFiles.makeDirectory(stagingPath, mode: directoryMode)
    }

    /// Creates `relative` (a folder path inside the output) if needed.
    public func makeFolder(_ relative: String) throws(OutputError) {
        try DurableFiles.makeDirectory("\(stagingPath)/\(relative)", mode: directoryMode)
    }

    /// Writes one file. Safe to call from several workers at once for different files. Pass the
    /// bytes' SHA-256 when it is already known (a photo's), so they are not hashed twice.
    public func write(_ bytes: [UInt8], to relative: String, sha256: String? = nil) throws(OutputError) {
        try DurableFiles.writeNew(bytes, to: "\(stagingPath)/\(relative)", mode: fileMode)
        let digest = sha256.flatMap(Digest256.init(hex:)) ?? Digest256(hex: SHA256.hex(bytes))!
        digests.withLock { $0.add(relative, digest) }
    }

    /// Removes a file written earlier (a photo whose employee was rejected after all).
    public func remove(_ relative: String) throws(OutputError) {
        let path = "\(stagingPath)/\(relative)"
        if unlink(path) != 0 && errno != ENOENT { throw .errno("remove", path) }
        digests.withLock { $0.remove(relative) }
    }

    /// Removes a folder created earlier if nothing was written into it.
    public func removeFolderIfEmpty(_ relative: String) {
        rmdir("\(stagingPath)/\(relative)")
    }

    /// Writes one file piece by piece through `body`, never holding it whole.
    public func stream(to relative: String, _ body: (FileSink) throws(OutputError) -> Void) throws(OutputError) {
        let sink = try FileSink(creating: "\(stagingPath)/\(relative)", mode: fileMode)
        try body(sink)
        let digest = Digest256(hex: try sink.finish())!
        digests.withLock { $0.add(relative, digest) }
    }

    public func write(_ text: String, to relative: String) throws(OutputError) {
        try write(Array(text.utf8), to: relative)
    }

    /// `manifest.sha256`: every file written so far with its SHA-256, in the format `sha256sum -c`
    /// checks (run it inside the folder). Written last, it does not list itself.
    /// Returns the manifest's own SHA-256 (what the run history records for the folder).
    @discardableResult
    public func writeManifest() throws(OutputError) -> String {
        let digest = try writeManifestLines()
        digests.withLock { $0.add(ResultLayout.manifest, Digest256(hex: digest)!) }
        return digest
    }

    /// Writes the manifest line by line (a bundle of 100,000 photos never holds it as one text) and
    /// returns its SHA-256.
    private func writeManifestLines() throws(OutputError) -> String {
        let entries = digests.withLock { $0 }
        let sink = try FileSink(creating: "\(stagingPath)/\(ResultLayout.manifest)", mode: fileMode)
        var line: [UInt8] = []
        try entries.forEachSorted { (name, digest) throws(OutputError) in
            line.removeAll(keepingCapacity: true)
            line += digest.hex.utf8
            line += "  ".utf8
            line += name
            line.append(UInt8(ascii: "\n"))
            try sink.write(line)
        }
        return try sink.finish()
    }

    /// Renames the staging folder to the final name, replacing an earlier result.
    public func publish() throws(OutputError) {
        try DurableFiles.syncFileSystem(of: stagingPath)
        let parent = (finalPath as NSString).deletingLastPathComponent
        var old: String? = nil
        if FileManager.default.fileExists(atPath: finalPath) {
            let aside = "\(parent)/.\((finalPath as NSString).lastPathComponent).old-\(Self.processTag())"
            guard rename(finalPath, aside) == 0 else { throw .errno("move aside", finalPath) }
            old = aside
        }
        guard rename(stagingPath, finalPath) == 0 else { throw .errno("publish", finalPath) }
        try DurableFiles.syncDirectory(parent)
        if let old { try? FileManager.default.removeItem(atPath: old) }
    }

    /// `PID-RANDOM@HOST`: which process of which host made a hidden folder, so that a clean-up on
    /// one host never takes the folder of a process alive on another (the output folder may be
    /// shared storage).
    static func processTag() -> String {
        "\(getpid())-\(UInt32.random(in: 0...UInt32.max))@\(ProcessInfo.processInfo.hostName)"
    }

    /// The process and host a hidden `.NAME.staging-*` or `.NAME.old-*` folder name says made it
    /// (the host is nil in names written before hosts were recorded).
    public static func maker(of name: String) -> (pid: Int32, host: String?)? {
        guard name.hasPrefix("."), let range = name.range(of: ".staging-") ?? name.range(of: ".old-") else { return nil }
        let tag = name[range.upperBound...]
        guard let pid = Int32(tag.split(separator: "-").first ?? ""), pid > 0 else { return nil }
        return (pid, tag.range(of: "@", options: .backwards).map { String(tag[$0.upperBound...]) })
    }

    /// Removes the staging folder after a failure.
    public func discard() {
        dropThumbnailSpill()
        try? FileManager.default.removeItem(atPath: stagingPath)
    }
}
