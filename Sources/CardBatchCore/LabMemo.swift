/// `PhotoMeasure.lab` remembered by the colour's whole-number channels, which are all it depends on
/// (it looks each channel up in a table by its integer part). A photo's backdrop, skin and clothing
/// repeat a few colours many times, and each conversion costs three cube roots. Direct-mapped, 2,048
/// slots; a miss converts and takes the slot. Exact: a hit returns what `lab` returned for the same
/// channels. One memo belongs to one measurement on one thread.
final class LabMemo {
    typealias Lab = (l: Double, a: Double, b: Double)
    private static let slotBits = 11
    // Raw storage rather than arrays: no copy-on-write or exclusivity checks per lookup.
    private let keys: UnsafeMutablePointer<Int32>
    private let values: UnsafeMutablePointer<Lab>

    init() {
        let count = 1 << Self.slotBits
        keys = .allocate(capacity: count)
        keys.initialize(repeating: -1, count: count)
        values = .allocate(capacity: count)
        values.initialize(repeating: (0, 0, 0), count: count)
    }

    deinit {
        keys.deallocate()
        values.deallocate()
    }

    func lab(_ r: Double, _ g: Double, _ b: Double) -> Lab {
        // Channels outside 0–255 (which an `RGBImage` never holds) are converted unremembered.
        guard r >= 0, r < 256, g >= 0, g < 256, b >= 0, b < 256 else { return PhotoMeasure.lab(r, g, b) }
        let key = Int32(Int(r) << 16 | Int(g) << 8 | Int(b))
        // Fibonacci hashing: the key's top bits after a multiply by 2^32 / φ.
        let slot = Int((UInt32(bitPattern: key) &* 2_654_435_769) >> (32 - UInt32(Self.slotBits)))
        if keys[slot] == key { return values[slot] }
        let converted = PhotoMeasure.lab(r, g, b)
        keys[slot] = key
        values[slot] = converted
        return converted
    }

    func lab(_ image: RGBImage, _ x: Int, _ y: Int) -> Lab {
        let (r, g, b) = image.rgb(x, y)
        return lab(r, g, b)
    }
}
