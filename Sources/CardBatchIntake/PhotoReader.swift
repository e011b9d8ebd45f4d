public import CardBatchCore
public import CardBatchNative

/// Reads and inspects photos for one worker: the bundle's shared libzip handle gives it each photo's
/// compressed bytes, and it inflates them (its own zlib stream) and decodes them (its own JPEG decoder).
public final class PhotoReader {
    private let archive: ZipArchive
    private let inflater = ZipInflater()
    private let inspector: PhotoInspector
    /// The compressed bytes of the photo read last, reused like `buffer`.
    private var compressed: [UInt8] = []
    /// The photo bytes' buffer, reused from photo to photo: the caller's copy of the last photo is
    /// gone by the next read, so the buffer is refilled in place instead of allocated again.
    private var buffer: [UInt8] = []

    /// A thumbnail of the photo read last, for its rejection report.
    public func lastThumbnail() -> [UInt8]? { inspector.lastThumbnail() }

    /// Photos larger than this are streamed (counted and hashed) but not kept or decoded: they fail
    /// `photo.file-size` anyway, and memory stays bounded per worker.
    public static func keepLimit(_ configuration: Configuration) -> UInt64 { UInt64(configuration.photo.maxBytes) * 4 }

    public init(archive: ZipArchive, configuration: Configuration) {
        self.archive = archive
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
        let take = { (chunk: UnsafeRawBufferPointer) in
            if keep { bytes.append(contentsOf: chunk) } else if head.count < 16 { head.append(contentsOf: chunk.prefix(16)) }
            hasher.update(chunk)
        }
        let outcome: StreamOutcome
        if keep {
            // Deflate never grows data by more than about 0.03% (plus a few bytes a block): more
            // compressed bytes than this cannot inflate to the declared size.
            let maxCompressed = entry.declaredSize + entry.declaredSize / 100 + 1_024
            switch archive.readCompressed(index: entry.index, maxBytes: maxCompressed, into: &compressed) {
            case .compressed(let deflated, let crc):
                outcome = inflater.inflate(compressed, deflated: deflated, crc: crc, limit: entry.declaredSize, take)
            case .otherMethod:
                outcome = archive.stream(index: entry.index, limit: entry.declaredSize, take)
            case .failed(let message):
                outcome = StreamOutcome(inflatedBytes: 0, exceededLimit: false, failure: message)
            }
        } else {
            // Too large to keep (refused for its size): streamed through libzip 64 KiB at a time,
            // never held whole, compressed or not.
            outcome = archive.stream(index: entry.index, limit: entry.declaredSize, take)
        }
        let findings = BundleIntake.inflationFindings(entry, outcome, context)
        if findings.hasErrors { return (nil, [], findings) }
        if keep { return (inspector.inspect(entry: entry.name, bytes: bytes, sha256: hasher.finalizeHex()), bytes, []) }
        let facts = PhotoFacts(entry: entry.name, byteCount: Int(outcome.inflatedBytes), signature: FileSignature(prefix: head),
                               jpeg: nil, sha256: hasher.finalizeHex())
        return (facts, [], [])
    }
}
