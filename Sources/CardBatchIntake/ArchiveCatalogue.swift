public import CardBatchCore
public import CardBatchNative

/// A bundle's files, found by the name a roster uses for them (`BundleLayout.referenceKey` of the
/// contract name), holding no names: a bundle of 100,000 photos has 100,000 entries, and libzip
/// already keeps every entry's central directory record. What stays per file is its entry index and
/// its key's hash (about 20 bytes); a lookup reads the entry back from libzip and compares its key in
/// full, so two keys whose hashes collide are still told apart. Swift's string hash is seeded per
/// process, so a bundle cannot be crafted to collide. When two files have the same key, the later
/// one is found, as a dictionary of names would have it.
public struct ArchiveCatalogue {
    let archive: ZipArchive
    let wrapper: String
    /// The entry index of every file the contract counts (directories and junk left out), in archive order.
    public let files: [Int32]
    private let hash: @Sendable (String) -> Int
    private var byHash: [Int: Int32] = [:]
    /// Keys whose hash an earlier, different key took.
    private var collided: [String: Int32] = [:]

    /// `files` are the entries to find (their `index` is libzip's); `hash` is for tests, which make
    /// keys collide.
    public init(archive: ZipArchive, files: [ArchiveEntryFacts], wrapper: String, hash: @escaping @Sendable (String) -> Int = { $0.hashValue }) {
        self.archive = archive
        self.wrapper = wrapper
        self.hash = hash
        self.files = files.map { Int32($0.index) }
        byHash.reserveCapacity(files.count)
        for file in files {
            let key = key(of: file)
            let hashed = hash(key)
            if let earlier = byHash[hashed], self.key(at: earlier) != key {
                collided[key] = Int32(file.index)
            } else {
                byHash[hashed] = Int32(file.index)
            }
        }
    }

    public func key(of entry: ArchiveEntryFacts) -> String {
        BundleLayout.referenceKey(BundleLayout.contractName(entry.name, wrapper: wrapper))
    }

    /// The entry at `index`, read back from libzip (it was read once already, so it reads again).
    public func facts(at index: Int32) -> ArchiveEntryFacts? {
        EntryName.facts(in: archive, at: index)
    }

    private func key(at index: Int32) -> String? { facts(at: index).map(key(of:)) }

    /// The file whose reference key is `key`, if any.
    public subscript(key: String) -> ArchiveEntryFacts? {
        if let index = collided[key] { return facts(at: index) }
        guard let index = byHash[hash(key)], let entry = facts(at: index), self.key(of: entry) == key else { return nil }
        return entry
    }
}
