public import CardBatchCore
public import CardBatchNative

/// Decodes a ZIP entry's raw name. The ZIP format has two encodings: UTF-8 when the entry carries the
/// UTF-8 flag, and otherwise whatever the writer's code page was. cardbatch reads unflagged names as
/// UTF-8 when the bytes are valid UTF-8 (macOS and Info-ZIP write those) and as GB18030 otherwise
/// (Chinese Windows' code page 936, GBK, is a subset). A GBK name that happens to be valid UTF-8 is
/// vanishingly rare for real names and would be caught as a missing photo, not silently misread.
public enum EntryName {
    public static func decode(_ raw: [UInt8], flaggedUTF8: Bool) -> (name: String, encoding: NameEncoding) {
        if raw.allSatisfy({ $0 < 0x80 }) { return (String(decoding: raw, as: UTF8.self), .ascii) }
        if let utf8 = String(validating: raw, as: UTF8.self) { return (utf8, .utf8) }
        if !flaggedUTF8, let gbk = GB18030.decode(raw) { return (gbk, .gb18030) }
        return (String(decoding: raw, as: UTF8.self), .undecodable)
    }

    /// The entry's kind, from its Unix mode when it was made on Unix, else from its name and DOS attributes.
    public static func kind(of info: ZipEntryInfo, name: String) -> EntryKind {
        if let mode = info.unixMode {
            switch mode & 0o170000 {
            case 0o120000: return .symlink
            case 0o040000: return .directory
            case 0o100000, 0: return name.hasSuffix("/") ? .directory : .file
            default: return .device
            }
        }
        return name.hasSuffix("/") || info.isDOSDirectory ? .directory : .file
    }

    public static func facts(_ info: ZipEntryInfo) -> ArchiveEntryFacts {
        let (name, encoding) = decode(info.rawName, flaggedUTF8: info.isFlaggedUTF8)
        return ArchiveEntryFacts(
            index: info.index, name: name, nameEncoding: encoding, kind: kind(of: info, name: name),
            isEncrypted: info.isEncrypted, declaredSize: info.uncompressedSize, compressedSize: info.compressedSize
        )
    }

    /// The facts of entry `index`, read back from libzip's central directory (an entry read once
    /// reads again; nil once the archive is closed).
    public static func facts(in archive: ZipArchive, at index: Int32) -> ArchiveEntryFacts? {
        try? facts(archive.entry(at: Int(index)))
    }
}
