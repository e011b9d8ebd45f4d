import CardBatchNative
import Foundation

/// Assembles a bundle (or a hostile archive) entry by entry and writes it with libzip.
public struct BundleBuilder {
    struct Entry {
        var rawName: [UInt8]
        var data: [UInt8]
        var encoding: ZipWriter.NameEncoding
        var unixMode: UInt32?
        var store: Bool
    }
    var entries: [Entry] = []

    public init() {}

    public mutating func add(_ name: String, _ data: [UInt8], store: Bool = false) {
        entries.append(Entry(rawName: Array(name.utf8), data: data, encoding: .utf8, unixMode: nil, store: store))
    }

    public mutating func add(_ name: String, text: String) { add(name, Array(text.utf8)) }

    /// Replaces the content of the entry named `name` (a broken roster or letter for a sample).
    public mutating func replace(_ name: String, with data: [UInt8]) {
        for i in entries.indices where entries[i].rawName == Array(name.utf8) { entries[i].data = data }
    }

    public mutating func remove(_ name: String) {
        entries.removeAll { $0.rawName == Array(name.utf8) }
    }

    /// An entry whose name is stored as raw bytes without the UTF-8 flag (GBK names from Chinese Windows).
    public mutating func add(rawName: [UInt8], _ data: [UInt8]) {
        entries.append(Entry(rawName: rawName, data: data, encoding: .raw, unixMode: nil, store: false))
    }

    /// A symbolic link entry pointing at `target`.
    public mutating func addSymlink(_ name: String, target: String) {
        entries.append(Entry(rawName: Array(name.utf8), data: Array(target.utf8), encoding: .utf8, unixMode: 0o120777, store: true))
    }

    public func write(to path: String) throws {
        let writer = try ZipWriter(path: path)
        for e in entries {
            try writer.add(rawName: e.rawName, data: e.data, encoding: e.encoding, store: e.store, unixMode: e.unixMode)
        }
        try writer.close()
    }

    /// The archive's bytes (written through a temporary file: libzip writes to paths).
    public func bytes() throws -> [UInt8] {
        let path = NSTemporaryDirectory() + "/cardbatch-bundle-\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max)).zip"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try write(to: path)
        return try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

/// Byte-level edits of a written ZIP for hostile fixtures libzip will not write itself.
public enum ZipPatch {
    /// Sets the "encrypted" bit (general purpose flag bit 0) on every entry, as a password-protected
    /// archive has it. (Debian's libzip is built without a crypto backend, so it cannot encrypt.)
    public static func markEncrypted(_ path: String) throws {
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        for (signature, flagOffset) in [([0x50, 0x4B, 0x03, 0x04] as [UInt8], 6), ([0x50, 0x4B, 0x01, 0x02], 8)] {
            for i in positions(of: signature, in: bytes) { bytes[i + flagOffset] |= 1 }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// Rewrites the declared uncompressed size of every entry to `size` in both the local and the
    /// central headers: a forged archive that inflates to far more than it claims.
    public static func forgeUncompressedSize(_ path: String, to size: UInt32) throws {
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let le = [UInt8(size & 0xFF), UInt8((size >> 8) & 0xFF), UInt8((size >> 16) & 0xFF), UInt8(size >> 24)]
        for (signature, sizeOffset) in [([0x50, 0x4B, 0x03, 0x04] as [UInt8], 22), ([0x50, 0x4B, 0x01, 0x02], 24)] {
            for i in positions(of: signature, in: bytes) { bytes.replaceSubrange((i + sizeOffset)..<(i + sizeOffset + 4), with: le) }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    static func positions(of signature: [UInt8], in bytes: [UInt8]) -> [Int] {
        guard bytes.count >= signature.count else { return [] }
        return (0...(bytes.count - signature.count)).filter { i in
            bytes[i] == signature[0] && bytes[i + 1] == signature[1] && bytes[i + 2] == signature[2] && bytes[i + 3] == signature[3]
        }
    }
}
