import CardBatchNative
import Foundation

/// Damaged copies of real bundles, for the mutation campaign (`scripts/mutation-campaign.sh`): what an
/// attacker or an unlucky employer hands in. Each copy takes one bundle of `samples/` and damages one
/// thing, chosen by a seeded generator so that a campaign can be replayed exactly: the roster, a
/// photo or the letter (bytes flipped, a run overwritten or inserted, cut short: anywhere, and for
/// photos also just before the first scan), an entry's name, or the archive's own bytes.
public enum BundleMutator {
    public struct Entry {
        var rawName: [UInt8]
        var data: [UInt8]
        var utf8: Bool
        var unixMode: UInt32?
    }

    /// The entries of the bundle at `path` (raw names kept), or nil when libzip cannot read it.
    public static func entries(of path: String) -> [Entry]? {
        guard let archive = try? ZipArchive(path: path) else { return nil }
        var entries: [Entry] = []
        for index in 0..<archive.entryCount {
            guard let info = try? archive.entry(at: index) else { return nil }
            let (bytes, outcome) = archive.read(index: index, limit: min(info.uncompressedSize, 64 * 1024 * 1024))
            guard outcome.failure == nil else { return nil }
            entries.append(Entry(rawName: info.rawName, data: bytes, utf8: info.isFlaggedUTF8, unixMode: info.unixMode))
        }
        return entries
    }

    /// One damaged copy of a bundle: its bytes and a line saying what was done.
    public static func mutate(_ original: [Entry], random: inout SplitMix64) throws -> (bytes: [UInt8], damage: String) {
        var entries = original
        func pick(_ suffixes: [String]) -> Int? {
            let candidates = entries.indices.filter { i in
                let name = String(decoding: entries[i].rawName, as: UTF8.self).lowercased()
                return suffixes.contains { name.hasSuffix($0) }
            }
            return candidates.isEmpty ? nil : candidates[Int(random.next() % UInt64(candidates.count))]
        }
        let kind = random.next() % 10
        var damage: String
        switch kind {
        case 0...2:
            guard let i = pick([".jpg", ".jpeg"]) else { return try mutateArchive(original, random: &random) }
            if kind == 0 {
                entries[i].data = SamplePhotos.cutBeforeScan(entries[i].data) ?? Array(entries[i].data.prefix(500))
                damage = "photo cut before its first scan"
            } else {
                damage = "photo " + damageBytes(&entries[i].data, random: &random)
            }
            damage += " (\(name(entries[i])))"
        case 3, 4:
            guard let i = pick(["roster.csv", "roster.xml"]) else { return try mutateArchive(original, random: &random) }
            damage = "roster " + damageBytes(&entries[i].data, random: &random)
        case 5:
            guard let i = pick([".pdf", ".png", ".jpg"]) else { return try mutateArchive(original, random: &random) }
            damage = "letter or photo " + damageBytes(&entries[i].data, random: &random) + " (\(name(entries[i])))"
        case 6:
            let i = Int(random.next() % UInt64(max(entries.count, 1)))
            guard i < entries.count else { return try mutateArchive(original, random: &random) }
            damage = "entry name " + damageBytes(&entries[i].rawName, random: &random)
            entries[i].utf8 = random.next() % 2 == 0
        default:
            return try mutateArchive(original, random: &random)
        }
        // libzip refuses to write some damage (an empty name): damage the archive's bytes instead.
        guard let bytes = try? zip(entries) else { return try mutateArchive(original, random: &random) }
        return (bytes, damage)
    }

    /// Damage to the archive's own bytes: the central directory, headers or compressed data.
    static func mutateArchive(_ entries: [Entry], random: inout SplitMix64) throws -> (bytes: [UInt8], damage: String) {
        var bytes = try zip(entries)
        return (bytes, "archive " + damageBytes(&bytes, random: &random))
    }

    static func name(_ entry: Entry) -> String { String(decoding: entry.rawName, as: UTF8.self) }

    /// Flips bytes, overwrites or inserts a run with an interesting value, or cuts the data short;
    /// says which.
    static func damageBytes(_ data: inout [UInt8], random: inout SplitMix64) -> String {
        guard !data.isEmpty else {
            data = [0xFF]
            return "filled"
        }
        let at = Int(random.next() % UInt64(data.count))
        switch random.next() % 5 {
        case 0:
            let flips = 1 + Int(random.next() % 8)
            for _ in 0..<flips { data[Int(random.next() % UInt64(data.count))] ^= UInt8(truncatingIfNeeded: 1 << (random.next() % 8)) }
            return "\(flips) bit(s) flipped"
        case 1:
            data.removeSubrange(at...)
            return "cut at byte \(at)"
        case 2:
            let values: [[UInt8]] = [[0x00], [0xFF], [0x7F], [0x80], [0xFF, 0xFF, 0xFF, 0xFF], [0xFF, 0xD8], [0xFF, 0xD9], [0xFF, 0xDA],
                                     Array("\"".utf8), Array(",".utf8), Array("\n".utf8), Array("<".utf8), Array("&".utf8)]
            let value = values[Int(random.next() % UInt64(values.count))]
            let count = min(1 + Int(random.next() % 64), data.count - at)
            for k in 0..<count { data[at + k] = value[k % value.count] }
            return "\(count) byte(s) overwritten at \(at)"
        case 3:
            let count = 1 + Int(random.next() % 4096)
            data.insert(contentsOf: (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }, at: at)
            return "\(count) random byte(s) inserted at \(at)"
        default:
            let count = min(1 + Int(random.next() % 256), data.count - at)
            data.removeSubrange(at..<(at + count))
            return "\(count) byte(s) removed at \(at)"
        }
    }

    static func zip(_ entries: [Entry]) throws -> [UInt8] {
        var builder = BundleBuilder()
        for e in entries {
            builder.entries.append(BundleBuilder.Entry(rawName: e.rawName, data: e.data, encoding: e.utf8 ? .utf8 : .raw,
                                                       unixMode: e.unixMode, store: false))
        }
        return try builder.bytes()
    }

    /// Writes `count` damaged bundles made from the bundles in `samples` into `directory`, named
    /// `m00001-<sample>.zip`, and a `damage.txt` saying what each one is. Bundles libzip cannot
    /// read at all (the samples that are not ZIP files) are used as they are, damaged as bytes.
    public static func writeCampaign(samples: String, count: Int, seed: UInt64, to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: samples).filter { $0.hasSuffix(".zip") }.sorted()
        var random = SplitMix64(seed: seed)
        var cache: [String: [Entry]?] = [:]
        var log = ""
        for n in 1...count {
            let sample = names[Int(random.next() % UInt64(names.count))]
            if cache[sample] == nil { cache[sample] = .some(entries(of: samples + "/" + sample)) }
            let bytes: [UInt8], damage: String
            if let entries = cache[sample]!, !entries.isEmpty {
                (bytes, damage) = try mutate(entries, random: &random)
            } else {
                var raw = try [UInt8](Data(contentsOf: URL(fileURLWithPath: samples + "/" + sample)))
                damage = "file " + damageBytes(&raw, random: &random)
                bytes = raw
            }
            let file = String(format: "m%05d-", n) + sample
            try Data(bytes).write(to: URL(fileURLWithPath: directory + "/" + file))
            log += "\(file): \(damage)\n"
        }
        try Data(log.utf8).write(to: URL(fileURLWithPath: directory + "/damage.txt"))
    }
}
