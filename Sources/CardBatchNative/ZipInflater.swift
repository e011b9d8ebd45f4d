import CZlib

/// Inflates one entry's compressed bytes, as `ZipArchive.readCompressed` took them, with zlib (the
/// library libzip itself inflates with), and checks them as libzip would: the CRC-32 at the end, and
/// never more than `limit` bytes out whatever the data claims. One inflater belongs to one worker;
/// its zlib stream and output buffer are reused from entry to entry.
public final class ZipInflater {
    private var stream = z_stream()
    private var ready = false
    private let chunk = 64 * 1024
    private let output: UnsafeMutablePointer<UInt8>

    public init() {
        output = .allocate(capacity: chunk)
    }

    deinit {
        if ready { inflateEnd(&stream) }
        output.deallocate()
    }

    /// Streams the inflated bytes of `compressed` to `body` in chunks: the same outcome
    /// `ZipArchive.stream` gives for the entry (bytes out, whether it went past `limit`, the failure).
    /// - SeeAlso: `inflateInit2` (raw deflate), `inflate`, `crc32`
    public func inflate(_ compressed: [UInt8], deflated: Bool, crc expected: UInt32, limit: UInt64,
                        _ body: (UnsafeRawBufferPointer) -> Void) -> StreamOutcome {
        var crc = crc32(0, nil, 0)
        var total: UInt64 = 0
        /// Hands one piece on; false once more than `limit` bytes have come out.
        func emit(_ piece: UnsafeRawBufferPointer) -> Bool {
            total += UInt64(piece.count)
            if total > limit { return false }
            crc = crc32(crc, piece.bindMemory(to: Bytef.self).baseAddress, uInt(piece.count))
            body(piece)
            return true
        }
        func finished() -> StreamOutcome {
            StreamOutcome(inflatedBytes: total, exceededLimit: false, failure: crc == uLong(expected) ? nil : "CRC error")
        }
        guard deflated else {
            // Stored: the bytes as they are, in chunks like the inflated ones.
            return compressed.withUnsafeBytes { raw in
                var at = 0
                while at < raw.count {
                    let n = min(chunk, raw.count - at)
                    if !emit(UnsafeRawBufferPointer(rebasing: raw[at..<(at + n)])) {
                        return StreamOutcome(inflatedBytes: total, exceededLimit: true, failure: nil)
                    }
                    at += n
                }
                return finished()
            }
        }
        guard reset() else { return StreamOutcome(inflatedBytes: 0, exceededLimit: false, failure: "Zlib error: cannot start inflating") }
        return compressed.withUnsafeBufferPointer { input in
            // zlib counts in 32-bit `uInt`: the input is fed in pieces it can count.
            var fed = 0
            while true {
                if stream.avail_in == 0 && fed < input.count {
                    let n = min(input.count - fed, Int(UInt32.max))
                    stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + fed)
                    stream.avail_in = uInt(n)
                    fed += n
                }
                stream.next_out = output
                stream.avail_out = uInt(chunk)
                let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                let produced = chunk - Int(stream.avail_out)
                if produced > 0 && !emit(UnsafeRawBufferPointer(start: output, count: produced)) {
                    return StreamOutcome(inflatedBytes: total, exceededLimit: true, failure: nil)
                }
                switch status {
                case Z_STREAM_END:
                    return finished()
                case Z_OK:
                    continue
                case Z_BUF_ERROR:
                    // No progress was possible: only more input could help, and there is none.
                    if produced == 0 && !(stream.avail_in == 0 && fed < input.count) {
                        return StreamOutcome(inflatedBytes: total, exceededLimit: false, failure: "Zlib error: the compressed data ends early")
                    }
                    continue
                default:
                    let reason = stream.msg.map { String(cString: $0) } ?? "status \(status)"
                    return StreamOutcome(inflatedBytes: total, exceededLimit: false, failure: "Zlib error: \(reason)")
                }
            }
        }
    }

    /// Readies the stream for a new raw deflate entry (made once, reset after).
    private func reset() -> Bool {
        stream.next_in = nil
        stream.avail_in = 0
        if ready { return inflateReset(&stream) == Z_OK }
        ready = inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
        return ready
    }
}
