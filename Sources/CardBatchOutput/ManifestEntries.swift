import CardBatchCore

/// The files written into a staged folder, with their SHA-256, for `manifest.sha256`: a bundle of
/// 100,000 accepted employees writes 100,000 photos, so each costs its name's bytes in one shared
/// buffer plus 40 bytes (the digest and where the name lies), and no allocation of its own. A
/// dictionary of path strings cost some 170 bytes a file.
///
/// Writes and removals are kept in the order they happened; `forEachSorted` resolves them: a name's
/// last write counts unless a removal of that name came after it.
struct ManifestEntries {
    private struct Entry {
        let digest: Digest256
        let nameStart: UInt32
        let nameCount: UInt16
    }

    private var names: [UInt8] = []
    private var entries: [Entry] = []
    /// Each removed name with the number of entries written before its removal.
    private var removals: [(name: String, after: Int)] = []

    var isEmpty: Bool { entries.isEmpty }

    mutating func add(_ name: String, _ digest: Digest256) {
        let utf8 = Array(name.utf8)
        precondition(utf8.count <= Int(UInt16.max) && names.count + utf8.count <= Int(UInt32.max),
                     "an output file name of \(utf8.count) bytes, or over 4 GiB of them, is not one cardbatch writes")
        entries.append(Entry(digest: digest, nameStart: UInt32(names.count), nameCount: UInt16(utf8.count)))
        names += utf8
    }

    mutating func remove(_ name: String) {
        removals.append((name, entries.count))
    }

    /// Calls `body` with every file written and not removed, in name order (bytewise, as
    /// `sha256sum` lists are usually sorted), its name as UTF-8. Only the order (8 bytes a file) is
    /// made on the way.
    func forEachSorted<E: Error>(_ body: (ArraySlice<UInt8>, Digest256) throws(E) -> Void) throws(E) {
        var lastRemoval: [String: Int] = [:]
        for removal in removals { lastRemoval[removal.name] = removal.after }
        // Entry positions sorted by name, a name's later writes after its earlier ones.
        let order = names.withUnsafeBufferPointer { buffer in
            entries.indices.sorted { a, b in
                let ordered = Self.compare(entries[a], entries[b], in: buffer)
                return ordered == 0 ? a < b : ordered < 0
            }
        }
        // A name written again (after a removal) counts once, by its last write.
        let last = names.withUnsafeBufferPointer { buffer in
            order.indices.map { k in k + 1 == order.count || Self.compare(entries[order[k]], entries[order[k + 1]], in: buffer) != 0 }
        }
        for (k, position) in order.enumerated() where last[k] {
            let entry = entries[position]
            let name = names[Int(entry.nameStart)..<(Int(entry.nameStart) + Int(entry.nameCount))]
            if !lastRemoval.isEmpty, let removed = lastRemoval[String(decoding: name, as: UTF8.self)], removed > position { continue }
            try body(name, entry.digest)
        }
    }

    private static func compare(_ a: Entry, _ b: Entry, in names: UnsafeBufferPointer<UInt8>) -> Int {
        let count = min(Int(a.nameCount), Int(b.nameCount))
        for i in 0..<count {
            let x = names[Int(a.nameStart) + i], y = names[Int(b.nameStart) + i]
            if x != y { return x < y ? -1 : 1 }
        }
        return Int(a.nameCount) - Int(b.nameCount)
    }
}
