public import CardBatchCore
import CardBatchNative
public import CardBatchSamples
import Foundation

/// Fixture photos and bundles for tests, made with the same generator as samples/ and cached per
/// process (painting is the slow part).
public enum Fixtures {
    private static let cache = Locked<[UInt64: [UInt8]]>([:])

    /// A compliant 358 × 441 colour JPEG inside the size window.
    public static func photo(_ seed: UInt64) -> [UInt8] {
        if let cached = cache.withLock({ $0[seed] }) { return cached }
        let made = SamplePhotos.compliant(seed: seed)
        cache.withLock { $0[seed] = made }
        return made
    }

    /// A real, decodable 358 × 441 colour JPEG of exactly `size` bytes: a compliant or low-quality
    /// portrait padded with JPEG comment segments.
    public static func photo(exactly size: Int) -> [UInt8] {
        // A compliant photo in everything but size: below the window, a smooth portrait at quality 85.
        let smooth = PortraitPainter(noise: 0)
        let base = size < 45_000
            ? SamplePhotos.withDate((try? JPEGEncoder().encode(smooth.paint(.varied(42), seed: 42), width: 358, height: 441, quality: 85)) ?? [])
            : photo(42)
        precondition(base.count + 4 <= size, "base photo too large for \(size)")
        var padding = size - base.count
        var segments: [UInt8] = []
        while padding > 0 {
            // A COM segment is 2 marker bytes + 2 length bytes + payload (≤ 65,533).
            var payload = min(padding - 4, 65_000)
            if (1..<4).contains(padding - (payload + 4)) { payload -= 4 }
            let length = payload + 2
            segments += [0xFF, 0xFE, UInt8(length >> 8), UInt8(length & 0xFF)] + [UInt8](repeating: 0x20, count: payload)
            padding -= payload + 4
        }
        let out = [0xFF, 0xD8] + segments + base.dropFirst(2)
        precondition(out.count == size)
        return out
    }

    public static let employer = SampleData.employer

    public static func employees(_ count: Int, seed: UInt64 = 9) -> [SampleData.Row] {
        SampleData.employees(count: count, seed: seed)
    }

    /// A clean CSV bundle: roster, one compliant photo per employee, a PDF letter.
    public static func cleanBundle(_ employees: [SampleData.Row], xml: Bool = false) -> BundleBuilder {
        var b = BundleBuilder()
        b.add(xml ? "roster.xml" : "roster.csv", text: xml ? RosterWriter.xml(employer: employer, employees: employees)
                                                          : RosterWriter.csv(employer: employer, employees: employees))
        for (i, row) in employees.enumerated() { b.add(row[.photo]!, photo(UInt64(i))) }
        b.add("authorization.pdf", DocumentWriters.pdf(text: "Authorization Letter"))
        return b
    }

    /// Writes `builder` to `name` in `directory` and returns the path.
    @discardableResult
    public static func write(_ builder: BundleBuilder, _ name: String, in directory: TemporaryDirectory) throws -> String {
        let path = directory.file(name)
        try builder.write(to: path)
        return path
    }

    public static let date = CalendarDate(year: 2026, month: 11, day: 25)!
}
