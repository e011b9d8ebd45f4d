/// A compact binary form for values the tool writes to its own spill files and reads back within the
/// same run: variable-length integers, length-prefixed UTF-8 text, a tag byte before optionals. It is
/// never read from outside bytes, but every read is still bounds-checked: a short or damaged record
/// makes `SpillDecoder` return nil instead of reading past its buffer.
public struct SpillEncoder {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 1_024) { bytes.reserveCapacity(capacity) }

    public mutating func integer(_ value: Int) {
        // Zig-zag, then 7 bits a byte (LEB128).
        var v = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    public mutating func byte(_ value: UInt8) { bytes.append(value) }

    /// Length-prefixed raw bytes.
    public mutating func rawBytes(_ value: [UInt8]) {
        integer(value.count)
        bytes.append(contentsOf: value)
    }

    public mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            integer(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    public mutating func optional<T>(_ value: T?, _ body: (inout SpillEncoder, T) -> Void) {
        guard let value else { return bytes.append(0) }
        bytes.append(1)
        body(&self, value)
    }

    public mutating func optionalText(_ value: String?) { optional(value) { $0.text($1) } }
    public mutating func optionalInteger(_ value: Int?) { optional(value) { $0.integer($1) } }
}

/// Reads what `SpillEncoder` wrote, in the same order. Every method returns nil on a short or
/// malformed buffer.
public struct SpillDecoder {
    private let bytes: UnsafeRawBufferPointer
    private var position = 0

    public init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    public var isAtEnd: Bool { position == bytes.count }

    public mutating func byte() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    public mutating func integer() -> Int? {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard shift < 64, let b = byte() else { return nil }
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1))
    }

    public mutating func rawBytes() -> [UInt8]? {
        guard let count = integer(), count >= 0, count <= bytes.count - position else { return nil }
        defer { position += count }
        return Array(bytes[position..<position + count])
    }

    public mutating func text() -> String? {
        guard let count = integer(), count >= 0, count <= bytes.count - position else { return nil }
        defer { position += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<position + count]), as: UTF8.self)
    }

    /// nil when the buffer is malformed; `.some(nil)` for a stored nil.
    public mutating func optional<T>(_ body: (inout SpillDecoder) -> T?) -> T?? {
        switch byte() {
        case 0: return .some(nil)
        case 1: return body(&self).map { .some($0) }
        default: return nil
        }
    }

    public mutating func optionalText() -> String?? { optional { $0.text() } }
    public mutating func optionalInteger() -> Int?? { optional { $0.integer() } }
}
