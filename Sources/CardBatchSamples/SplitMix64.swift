/// A small seeded random generator (SplitMix64), so generated samples are the same on every run.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Roughly normal noise (the sum of four uniforms taken from one draw), mean 0, standard
    /// deviation `sigma`. One draw per call keeps fixture generation fast in debug builds.
    public mutating func noise(_ sigma: Double) -> Double {
        let r = next()
        let sum = Double(r & 0xFFFF) + Double((r >> 16) & 0xFFFF) + Double((r >> 32) & 0xFFFF) + Double(r >> 48)
        return (sum / 65_535.0 - 2.0) * sigma * 1.732
    }
}
