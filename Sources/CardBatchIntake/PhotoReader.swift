public import CardBatchCore
public import CardBatchNative

/// Reads and inspects photos for one worker: its own libzip handle and its own JPEG decoder.
public final class PhotoReader {
    private let archive: ZipArchive
    private let inspector: PhotoInspector
    /// The photo bytes' buffer, reused from photo to photo: the caller's copy of the last photo is
    /// gone by the next read, so the buffer is refilled in place instead of allocated again.
    private var buffer: [UInt8] = []

    /// A thumbnail of the photo read last, for its rejection report.
    public func lastThumbnail() -> [UInt8]? { inspector.lastThumbnail() }

    /// Photos larger than this are streamed (counted and hashed) but not kept or decoded: they fail
    /// `photo.file-size` anyway, and memory stays bounded per worker.
    public static func keepLimit(_ configuration: Configuration) -> UInt64 { UInt64(configuration.photo.maxBytes) * 4 }

    public init(path: String, configuration: Configuration) throws(ZipError) {
        archive = try ZipArchive(path: path)
        inspector = PhotoInspector(configuration: configuration)
    }

    /// The photo's facts and bytes (empty when too large to keep), plus bundle-level findings if the
    /// entry could not be inflated as declared.
    public func read(_ entry: ArchiveEntryFacts, context: RuleContext) -> (facts: PhotoFacts?, bytes: [UInt8], findings: [Finding]) {
        let keep = entry.declaredSize <= Self.keepLimit(context.configuration)
        var bytes = buffer
        buffer = []
        bytes.removeAll(keepingCapacity: true)
        defer { buffer = bytes }
        var head: [UInt8] = []
        let hasher = SHA256()
        if keep { bytes.reserveCapacity(Int(entry.declaredSize)) }
        let outcome = archive.stream(index: entry.index, limit: entry.declaredSize) { chunk in
            if keep { bytes.append(contentsOf: chunk) } else if head.count < 16 { head.append(contentsOf: chunk.prefix(16)) }
            hasher.update(chunk)
        }
        let findings = BundleIntake.inflationFindings(entry, outcome, context)
        if findings.hasErrors { return (nil, [], findings) }
        if keep { return (inspector.inspect(entry: entry.name, bytes: bytes, sha256: hasher.finalizeHex()), bytes, []) }
        let facts = PhotoFacts(entry: entry.name, byteCount: Int(outcome.inflatedBytes), signature: FileSignature(prefix: head),
                               jpeg: nil, sha256: hasher.finalizeHex())
        return (facts, [], [])
    }
}
