import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The `precheck` page's thumbnails while a bundle is judged: appended to one hidden file in the
/// staging folder and read back, one at a time, when the page embeds them. One file instead of one
/// per employee (creating 10,000 small files cost more kernel time than decoding the photos), and
/// none of them in memory. Never published: `StagedFolder.dropThumbnailSpill()` removes it first.
struct ThumbnailSpill: Sendable {
    static let name = ".thumbnails.spill"
    let fd: Int32
    let path: String
    private(set) var end: UInt64 = 0
    /// Where each row's thumbnail lies in the file.
    private(set) var slices: [Int: (offset: UInt64, count: Int)] = [:]

    init(folder: String, mode: mode_t) throws(OutputError) {
        path = "\(folder)/\(Self.name)"
        fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw OutputError(path: path, operation: "create", message: String(cString: strerror(errno))) }
    }

    mutating func append(_ bytes: [UInt8], row: Int) throws(OutputError) {
        try DurableFiles.writeAll(bytes, to: fd, at: end, path: path)
        slices[row] = (end, bytes.count)
        end += UInt64(bytes.count)
    }

    func read(row: Int) -> [UInt8]? {
        guard let slice = slices[row], slice.count > 0 else { return nil }
        return DurableFiles.read(fd, count: slice.count, at: slice.offset)
    }

    func remove() {
        close(fd)
        unlink(path)
    }
}
