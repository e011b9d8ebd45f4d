import CLibZip
import Foundation

/// What the central directory holds for one entry, raw: names as bytes, the Unix mode if any.
public struct ZipEntryInfo: Sendable {
    public let index: Int
    /// The name exactly as stored.
    public let rawName: [UInt8]
    /// True when the entry carries the UTF-8 flag (general purpose bit 11).
    public let isFlaggedUTF8: Bool
    public let uncompressedSize: UInt64
    public let compressedSize: UInt64
    public let isEncrypted: Bool
    /// `st_mode` bits when the entry was made on Unix, else nil.
    public let unixMode: UInt32?
    /// MS-DOS directory attribute, for entries made on Windows.
    public let isDOSDirectory: Bool
}

/// A ZIP file opened read-only through libzip.
///
/// libzip handles are not thread-safe, and each holds the whole central directory in memory (about
/// 260 bytes an entry, by heaptrack: 26 MB for a bundle of 100,000 photos). So one handle serves every worker of
/// a bundle: every libzip call on it is made under this object's lock. Workers take only an entry's
/// compressed bytes under the lock (`readCompressed`) and inflate them on their own thread
/// (`ZipInflater`), so inflation still runs in parallel.
///
/// `@unchecked Sendable` is safe: `handle` and the open entries' handles are only passed to libzip,
/// and `closed` and `openFiles` only read or written, inside `locked`, which holds `lock` (an
/// `NSLock`: a `pthread_mutex_t`, which every sanitizer intercepts); the lock is the other stored property.
public final class ZipArchive: @unchecked Sendable {
    private let handle: OpaquePointer
    private let lock = NSLock()
    /// Set by `close()`: the handle is gone and every read fails.
    private var closed = false
    /// The entries open for reading (`ZipEntryStream`), closed with the archive if still open then.
    private var openFiles: Set<OpaquePointer> = []

    /// Opens `path` read-only with libzip's consistency checks on.
    /// - SeeAlso: `zip_open`
    public init(path: String) throws(ZipError) {
        var code: Int32 = 0
        guard let handle = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &code) else {
            throw ZipError.from(code: code, operation: "open")
        }
        self.handle = handle
    }

    deinit { if !closed { zip_discard(handle) } }

    /// Runs `body` holding the lock; every use of `handle` and `closed` goes through here.
    private func locked<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Lets go of the handle and its central directory as soon as the bundle's entries have been
    /// read, before its reports are written; any later read fails.
    /// - SeeAlso: `zip_discard`
    public func close() {
        locked {
            for file in openFiles { zip_fclose(file) }
            openFiles = []
            if !closed { zip_discard(handle) }
            closed = true
        }
    }

    private static let closedError = ZipError.from(code: ZIP_ER_ZIPCLOSED, operation: "read")

    /// - SeeAlso: `zip_get_num_entries`
    public var entryCount: Int { locked { closed ? 0 : Int(zip_get_num_entries(handle, 0)) } }

    private func lastError(_ operation: String) -> ZipError {
        ZipError.from(zip_get_error(handle), operation: operation)
    }

    /// Reads one entry's central directory record.
    /// - SeeAlso: `zip_stat_index`, `zip_get_name`, `zip_file_get_external_attributes`
    public func entry(at index: Int) throws(ZipError) -> ZipEntryInfo {
        try locked { () throws(ZipError) -> ZipEntryInfo in
            if closed { throw Self.closedError }
            return try unlockedEntry(at: index)
        }
    }

    private func unlockedEntry(at index: Int) throws(ZipError) -> ZipEntryInfo {
        let i = zip_uint64_t(index)
        var st = zip_stat_t()
        zip_stat_init(&st)
        guard zip_stat_index(handle, i, zip_flags_t(ZIP_FL_ENC_RAW), &st) == 0 else { throw lastError("stat") }
        guard let raw = zip_get_name(handle, i, zip_flags_t(ZIP_FL_ENC_RAW)) else { throw lastError("name") }
        let rawName = Array(UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: strlen(raw)))
        // With ZIP_FL_ENC_STRICT libzip converts unflagged names from CP437, which changes any byte
        // above 0x7F; a flagged name comes back unchanged. That tells the flag apart without parsing headers.
        var flagged = rawName.allSatisfy { $0 < 0x80 }
        if !flagged, let strict = zip_get_name(handle, i, zip_flags_t(ZIP_FL_ENC_STRICT)) {
            flagged = strcmp(strict, raw) == 0
        }
        var opsys: zip_uint8_t = 0
        var attributes: zip_uint32_t = 0
        guard zip_file_get_external_attributes(handle, i, 0, &opsys, &attributes) == 0 else { throw lastError("attributes") }
        let isUnix = opsys == zip_uint8_t(ZIP_OPSYS_UNIX)
        return ZipEntryInfo(
            index: index,
            rawName: rawName,
            isFlaggedUTF8: flagged,
            uncompressedSize: st.size,
            compressedSize: st.comp_size,
            isEncrypted: st.encryption_method != UInt16(ZIP_EM_NONE),
            unixMode: isUnix && (attributes >> 16) != 0 ? attributes >> 16 : nil,
            isDOSDirectory: !isUnix && attributes & 0x10 != 0
        )
    }

    /// Streams the inflated bytes of entry `index` to `body` in chunks, stopping as soon as more than
    /// `limit` bytes have come out. Memory stays at one 64 KiB buffer whatever the entry claims.
    /// libzip checks the CRC at the end of the entry and reports a mismatch as a read error.
    public func stream(index: Int, limit: UInt64, _ body: (UnsafeRawBufferPointer) -> Void) -> StreamOutcome {
        let entry = open(index: index, limit: limit)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
        defer { buffer.deallocate() }
        while let n = entry.read(into: buffer), n > 0 { body(UnsafeRawBufferPointer(rebasing: buffer[0..<n])) }
        return entry.outcome
    }

    /// Entry `index` open for reading its inflated bytes a buffer at a time, at most `limit` of them.
    public func open(index: Int, limit: UInt64) -> ZipEntryStream {
        let opened: Result<OpaquePointer, ZipError> = locked {
            if closed { return .failure(Self.closedError) }
            guard let file = zip_fopen_index(handle, zip_uint64_t(index), 0) else { return .failure(lastError("open entry")) }
            openFiles.insert(file)
            return .success(file)
        }
        return ZipEntryStream(archive: self, opened: opened, limit: limit)
    }

    /// One read of an open entry, under the lock: the byte count, 0 at its end, -1 on failure (with
    /// libzip's message), -2 when the archive was closed meanwhile.
    fileprivate func read(_ file: OpaquePointer, into buffer: UnsafeMutableRawBufferPointer) -> (count: Int, failure: String?) {
        locked {
            guard openFiles.contains(file) else { return (-2, Self.closedError.message) }
            let n = zip_fread(file, buffer.baseAddress, zip_uint64_t(buffer.count))
            return n < 0 ? (-1, String(cString: zip_error_strerror(zip_file_get_error(file)))) : (Int(n), nil)
        }
    }

    fileprivate func closeEntry(_ file: OpaquePointer) {
        locked { if openFiles.remove(file) != nil { zip_fclose(file) } }
    }

    /// How an entry's bytes were taken for a worker to inflate.
    public enum CompressedRead {
        /// Its compressed bytes are in the caller's buffer: stored (`deflated` false) or raw deflate,
        /// with the CRC-32 its inflated bytes must have.
        case compressed(deflated: Bool, crc: UInt32)
        /// Another compression method, or an encrypted entry: the caller inflates it through `stream`.
        case otherMethod
        case failed(String)
    }

    /// Reads entry `index`'s compressed bytes, as stored, into `buffer` (reused by the caller),
    /// refusing more than `maxBytes`. Only this read holds the lock; inflating is the caller's.
    /// - SeeAlso: `zip_stat_index`, `zip_fopen_index` with `ZIP_FL_COMPRESSED`, `zip_fread`
    public func readCompressed(index: Int, maxBytes: UInt64, into buffer: inout [UInt8]) -> CompressedRead {
        buffer.removeAll(keepingCapacity: true)
        return locked { () -> CompressedRead in
            if closed { return .failed(Self.closedError.message) }
            let i = zip_uint64_t(index)
            var st = zip_stat_t()
            zip_stat_init(&st)
            guard zip_stat_index(handle, i, 0, &st) == 0 else { return .failed(lastError("stat").message) }
            let known = zip_uint64_t(ZIP_STAT_COMP_METHOD) | zip_uint64_t(ZIP_STAT_CRC) | zip_uint64_t(ZIP_STAT_COMP_SIZE)
                | zip_uint64_t(ZIP_STAT_ENCRYPTION_METHOD)
            guard st.valid & known == known, st.encryption_method == UInt16(ZIP_EM_NONE),
                  st.comp_method == Int32(ZIP_CM_STORE) || st.comp_method == Int32(ZIP_CM_DEFLATE) else { return .otherMethod }
            guard st.comp_size <= maxBytes else {
                return .failed("its compressed data (\(st.comp_size) bytes) is larger than its inflated size allows")
            }
            guard let file = zip_fopen_index(handle, i, zip_flags_t(ZIP_FL_COMPRESSED)) else { return .failed(lastError("open entry").message) }
            defer { zip_fclose(file) }
            let count = Int(st.comp_size)
            var failure: String? = nil
            buffer.append(contentsOf: repeatElement(0, count: count))
            var done = 0
            buffer.withUnsafeMutableBytes { raw in
                while done < count {
                    let n = zip_fread(file, raw.baseAddress! + done, zip_uint64_t(count - done))
                    if n < 0 {
                        failure = String(cString: zip_error_strerror(zip_file_get_error(file)))
                        return
                    }
                    if n == 0 { break }
                    done += Int(n)
                }
            }
            if let failure { return .failed(failure) }
            guard done == count else { return .failed("its compressed data ends after \(done) of \(count) bytes") }
            return .compressed(deflated: st.comp_method == Int32(ZIP_CM_DEFLATE), crc: st.crc)
        }
    }

    /// Reads a whole entry into memory, at most `limit` bytes. The buffer is sized for `limit` (up to
    /// 256 MiB) at once: grown by doubling, a 57 MB roster would pass through 32 MB and 64 MB buffers
    /// held together. Callers pass the entry's declared size, which the configured caps bound.
    public func read(index: Int, limit: UInt64) -> (bytes: [UInt8], outcome: StreamOutcome) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(min(limit, 256 << 20)))
        let outcome = stream(index: index, limit: limit) { bytes.append(contentsOf: $0) }
        return (bytes, outcome)
    }
}

/// How streaming one entry ended.
public struct StreamOutcome: Sendable, Equatable {
    public let inflatedBytes: UInt64
    /// Reading stopped because the entry produced more than the limit.
    public let exceededLimit: Bool
    /// libzip's message when inflating failed (CRC error, bad deflate data).
    public let failure: String?

    public init(inflatedBytes: UInt64, exceededLimit: Bool, failure: String?) {
        self.inflatedBytes = inflatedBytes
        self.exceededLimit = exceededLimit
        self.failure = failure
    }
}

/// One entry of a `ZipArchive` being read, a buffer at a time (what libxml2's reader pulls a roster
/// through, so the roster's bytes are never all in memory). Closed when released, or with the archive.
public final class ZipEntryStream {
    private let archive: ZipArchive
    private let file: OpaquePointer?
    private let limit: UInt64
    /// How reading went so far; final once `read` returned 0 or nil.
    public private(set) var outcome: StreamOutcome

    fileprivate init(archive: ZipArchive, opened: Result<OpaquePointer, ZipError>, limit: UInt64) {
        self.archive = archive
        self.limit = limit
        switch opened {
        case .success(let file):
            self.file = file
            outcome = StreamOutcome(inflatedBytes: 0, exceededLimit: false, failure: nil)
        case .failure(let error):
            file = nil
            outcome = StreamOutcome(inflatedBytes: 0, exceededLimit: false, failure: error.message)
        }
    }

    deinit { if let file { archive.closeEntry(file) } }

    /// Fills the start of `buffer` with the next bytes and returns how many; 0 at the end of the entry;
    /// nil when it cannot be read on (libzip failed, a CRC mismatch at its end, or more than `limit`
    /// bytes came out: see `outcome`).
    public func read(into buffer: UnsafeMutableRawBufferPointer) -> Int? {
        guard let file, outcome.failure == nil, !outcome.exceededLimit else { return nil }
        let (n, failure) = archive.read(file, into: buffer)
        if let failure {
            outcome = StreamOutcome(inflatedBytes: outcome.inflatedBytes, exceededLimit: false, failure: failure)
            return nil
        }
        let total = outcome.inflatedBytes + UInt64(n)
        outcome = StreamOutcome(inflatedBytes: total, exceededLimit: total > limit, failure: nil)
        return total > limit ? nil : n
    }

    /// Reads what is left of the entry, discarding it, so that libzip checks its CRC at the end, and
    /// returns the final outcome: a reader that stopped early still learns whether the entry was damaged.
    public func finish() -> StreamOutcome {
        let rest = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
        defer { rest.deallocate() }
        while let n = read(into: rest), n > 0 {}
        return outcome
    }
}
