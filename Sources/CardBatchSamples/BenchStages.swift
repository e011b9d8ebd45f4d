import CardBatchCore
import CardBatchIntake
import CardBatchNative
import CardBatchOutput
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What `make bench` sets beside `cardbatch process`: the decode floor (the same libraries doing only
/// what no check can avoid) and the CPU each stage of the photo check costs. Both run the product's
/// own code (libzip through `ZipArchive`, TurboJPEG through `JPEGDecoder`, the measures, the face
/// stage), never a copy of it.
public enum BenchStages {
    /// The photo entries of a bundle: its `.jpg` files, by index.
    static func photoEntries(_ archive: ZipArchive) throws -> [(index: Int, size: UInt64)] {
        var entries: [(Int, UInt64)] = []
        for index in 0..<archive.entryCount {
            let entry = try archive.entry(at: index)
            if String(decoding: entry.rawName, as: UTF8.self).lowercased().hasSuffix(".jpg") { entries.append((index, entry.uncompressedSize)) }
        }
        return entries
    }

    /// The decode floor: inflate every photo of the bundle at `path` and decode it at half size (the
    /// scale the checks use), on `workers` threads each with its own archive handle and decoder, as
    /// `cardbatch process` does. Returns how many photos decoded.
    public static func floor(path: String, workers: Int) throws -> Int {
        let entries = try photoEntries(ZipArchive(path: path))
        let decoded = Locked(0)
        DispatchQueue.concurrentPerform(iterations: max(1, workers)) { worker in
            guard let archive = try? ZipArchive(path: path) else { return }
            let decoder = JPEGDecoder()
            var count = 0
            for i in stride(from: worker, to: entries.count, by: max(1, workers)) {
                let (bytes, _) = archive.read(index: entries[i].index, limit: entries[i].size)
                if let image = try? bytes.withUnsafeBytes({ try decoder.decodeRGB($0, scale: 2) }), image.rgb != nil { count += 1 }
            }
            decoded.withLock { $0 += count }
        }
        return decoded.withLock { $0 }
    }

    /// CPU milliseconds per photo of each stage of the photo check, on one thread, in the order the
    /// workers run them.
    public struct Stages: Sendable {
        public var photos = 0
        public var inflate = 0.0, hash = 0.0, decode = 0.0, metadata = 0.0, pixels = 0.0, face = 0.0, write = 0.0
        public var rows: [(String, Double)] {
            [("inflate", inflate), ("hash (SHA-256)", hash), ("decode (half size)", decode), ("JPEG metadata (tables, ICC, EXIF)", metadata),
             ("pixel measures", pixels), ("face stage (detect, landmarks, measures)", face), ("write (staged file, no fsync)", write)]
                .map { ($0.0, photos > 0 ? $0.1 * 1000 / Double(photos) : 0) }
        }
    }

    /// This thread's CPU time, in seconds.
    static func threadCPU() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Times each stage over every photo of the bundle at `path` with the default configuration; the
    /// staged files go into a temporary folder that is removed afterwards.
    public static func stages(path: String) throws -> Stages {
        let archive = try ZipArchive(path: path)
        let entries = try photoEntries(archive)
        let decoder = JPEGDecoder()
        // The product's own stages, one at a time: the inspector's face stage and pixel checks.
        let inspector = PhotoInspector(configuration: Configuration())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cardbatch-stages-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var stages = Stages()
        func timed<T>(_ total: inout Double, _ body: () throws -> T) rethrows -> T {
            let start = threadCPU()
            defer { total += threadCPU() - start }
            return try body()
        }
        for (n, entry) in entries.enumerated() {
            var bytes: [UInt8] = []
            timed(&stages.inflate) {
                bytes.reserveCapacity(Int(entry.size))
                _ = archive.stream(index: entry.index, limit: entry.size) { bytes.append(contentsOf: $0) }
            }
            _ = timed(&stages.hash) { SHA256.hex(bytes) }
            guard let image = try? timed(&stages.decode, { try bytes.withUnsafeBytes { try decoder.decodeRGB($0, scale: 2) } }),
                  let rgb = image.rgb else { continue }
            timed(&stages.metadata) {
                _ = JPEGInfo.read(bytes)
                _ = EXIF.read(bytes)
            }
            let half = RGBImage(width: image.width, height: image.height, pixels: rgb)
            let (face, _) = timed(&stages.face) { inspector.measureFace(half, fullWidth: image.header.width, fullHeight: image.header.height) }
            _ = timed(&stages.pixels) { PhotoInspector.measurePixels(half, face: face, fullWidth: image.header.width, fullHeight: image.header.height) }
            // The product's own write of a staged photo: a new file, its mode set, no fsync.
            try timed(&stages.write) {
                try DurableFiles.writeNew(bytes, to: "\(folder)/\(n).jpg", mode: 0o600)
            }
            stages.photos += 1
        }
        return stages
    }
}
