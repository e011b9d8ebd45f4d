import CardBatchNative

/// Paints synthetic ID-style portraits: a white background, shoulders in clothing, a neck, a head
/// with hair, eyes, brows and mouth, and fine sensor-like noise, so the JPEGs are realistic in size
/// (40–100 KB at ordinary quality) and in structure. No real person is depicted.
public struct PortraitPainter: Sendable {
    public struct Look: Sendable {
        public var skin: (Double, Double, Double)
        public var hair: (Double, Double, Double)
        public var clothing: (Double, Double, Double)
        public var headScale: Double
        public var offsetX: Double

        public static func varied(_ seed: UInt64) -> Look {
            var rng = SplitMix64(seed: seed &* 31 &+ 7)
            let skins: [(Double, Double, Double)] = [(241, 200, 170), (224, 172, 135), (198, 134, 96), (141, 85, 54), (92, 56, 38), (232, 190, 160)]
            let hairs: [(Double, Double, Double)] = [(30, 22, 18), (70, 45, 25), (150, 110, 60), (200, 170, 110), (110, 110, 110), (20, 20, 25)]
            let clothes: [(Double, Double, Double)] = [(30, 40, 70), (40, 40, 45), (120, 30, 40), (60, 90, 60), (200, 200, 210), (90, 70, 50)]
            return Look(skin: skins[Int(rng.next() % 6)], hair: hairs[Int(rng.next() % 6)], clothing: clothes[Int(rng.next() % 6)],
                        headScale: Double.random(in: 0.92...1.08, using: &rng), offsetX: Double.random(in: -8...8, using: &rng))
        }
    }

    public var width = 358
    public var height = 441
    /// Standard deviation of the added noise; more noise, larger files.
    public var noise = 9.0
    /// Defects, for the calibration set and the photo samples.
    public var background = (252.0, 252.0, 251.0)
    /// Darkening towards the right edge, in levels (a shadow cast on the backdrop).
    public var shadow = 0.0
    /// Stripes on the backdrop (a pattern), in levels.
    public var stripes = 0.0
    /// A frame of this width (pixels) and colour around the photo.
    public var frameWidth = 0
    public var frameColour = (40.0, 40.0, 40.0)
    /// Exposure: every level multiplied by `gain` after `offset` is added.
    public var gain = 1.0
    public var offset = 0.0
    /// Box blur radius applied to the whole picture (an out-of-focus photo).
    public var blur = 0
    /// Save at exactly this JPEG quality instead of searching the size window (heavy compression).
    public var forcedQuality: Int?
    /// Embed an ICC profile with this description (a non-sRGB colour profile).
    public var iccProfile: String?

    public init(width: Int = 358, height: Int = 441, noise: Double = 9.0) {
        self.width = width
        self.height = height
        self.noise = noise
    }

    /// Packed RGB pixels.
    public func paint(_ look: Look, seed: UInt64) -> [UInt8] {
        var rng = SplitMix64(seed: seed)
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        let w = Double(width), h = Double(height)
        let cx = w / 2 + look.offsetX * w / 358
        let headCY = h * 0.40, headRX = w * 0.21 * look.headScale, headRY = h * 0.21 * look.headScale
        for y in 0..<height {
            for x in 0..<width {
                let fx = Double(x), fy = Double(y)
                let fade = shadow * fx / w, stripe = stripes > 0 && (x / 12) % 2 == 0 ? stripes : 0
                var c = (background.0 - fade - stripe, background.1 - fade - stripe, background.2 - fade - stripe)
                let hx = (fx - cx) / headRX, hy = (fy - headCY) / headRY
                let inHead = hx * hx + hy * hy <= 1
                let hairTop = (fx - cx) / (headRX * 1.08), hairY = (fy - (headCY - headRY * 0.18)) / (headRY * 1.0)
                let inHair = hairTop * hairTop + hairY * hairY <= 1 && fy < headCY - headRY * 0.25
                // Shoulders: a wide ellipse below the head.
                let sx = (fx - cx) / (w * 0.52), sy = (fy - h * 1.02) / (h * 0.30)
                let inShoulders = sx * sx + sy * sy <= 1
                let inNeck = abs(fx - cx) < headRX * 0.45 && fy > headCY && fy < h * 0.78
                if inShoulders { c = look.clothing }
                else if inNeck { c = (look.skin.0 * 0.85, look.skin.1 * 0.85, look.skin.2 * 0.85) }
                if inHead {
                    let shade = 1.0 - 0.18 * max(0, hx) - 0.08 * hy * hy
                    c = (look.skin.0 * shade, look.skin.1 * shade, look.skin.2 * shade)
                    // Eyes, brows, mouth, nose shadow.
                    let ey = headCY - headRY * 0.12
                    for side in [-1.0, 1.0] {
                        let ex = cx + side * headRX * 0.38
                        let dx = (fx - ex) / (headRX * 0.16), dy = (fy - ey) / (headRY * 0.07)
                        if dx * dx + dy * dy <= 1 { c = (250, 250, 250); if dx * dx + dy * dy <= 0.3 { c = (45, 35, 30) } }
                        let bx = (fx - ex) / (headRX * 0.22), by = (fy - (ey - headRY * 0.16)) / (headRY * 0.03)
                        if bx * bx + by * by <= 1 { c = (look.hair.0 * 0.9, look.hair.1 * 0.9, look.hair.2 * 0.9) }
                    }
                    let mx = (fx - cx) / (headRX * 0.32), my = (fy - (headCY + headRY * 0.48)) / (headRY * 0.06)
                    if mx * mx + my * my <= 1 { c = (min(255, look.skin.0 * 0.75 + 40), look.skin.1 * 0.55, look.skin.2 * 0.55) }
                    let nx = (fx - (cx + headRX * 0.06)) / (headRX * 0.05), ny = (fy - (headCY + headRY * 0.18)) / (headRY * 0.16)
                    if nx * nx + ny * ny <= 1 { c = (c.0 * 0.88, c.1 * 0.88, c.2 * 0.88) }
                }
                if inHair { c = look.hair }
                let isBackground = !(inHead || inHair || inShoulders || inNeck)
                if x < frameWidth || y < frameWidth || x >= width - frameWidth || y >= height - frameWidth { c = frameColour }
                let n = isBackground ? rng.noise(noise * 0.25) : rng.noise(noise)
                let i = (y * width + x) * 3
                pixels[i] = clamp((c.0 + offset) * gain + n + rng.noise(noise * 0.3))
                pixels[i + 1] = clamp((c.1 + offset) * gain + n + rng.noise(noise * 0.3))
                pixels[i + 2] = clamp((c.2 + offset) * gain + n + rng.noise(noise * 0.3))
            }
        }
        return blur > 0 ? boxBlur(pixels, radius: blur) : pixels
    }

    /// A separable box blur, run twice (close to a Gaussian).
    func boxBlur(_ source: [UInt8], radius: Int) -> [UInt8] {
        var current = source.map(Double.init)
        for _ in 0..<2 {
            var horizontal = current
            for y in 0..<height {
                for x in 0..<width {
                    for ch in 0..<3 {
                        var sum = 0.0, n = 0.0
                        for dx in -radius...radius where x + dx >= 0 && x + dx < width {
                            sum += current[(y * width + x + dx) * 3 + ch]; n += 1
                        }
                        horizontal[(y * width + x) * 3 + ch] = sum / n
                    }
                }
            }
            for y in 0..<height {
                for x in 0..<width {
                    for ch in 0..<3 {
                        var sum = 0.0, n = 0.0
                        for dy in -radius...radius where y + dy >= 0 && y + dy < height {
                            sum += horizontal[((y + dy) * width + x) * 3 + ch]; n += 1
                        }
                        current[(y * width + x) * 3 + ch] = sum / n
                    }
                }
            }
        }
        return current.map { clamp($0) }
    }

    /// Encodes pixels as JPEG, searching the quality (from 92 down) for a file inside `window`;
    /// returns the closest attempt when none fits.
    public func jpeg(_ pixels: [UInt8], window: ClosedRange<Int> = 52_000...92_000) -> [UInt8] {
        let encoder = JPEGEncoder()
        if let forcedQuality {
            return (try? encoder.encode(pixels, width: width, height: height, quality: forcedQuality)) ?? []
        }
        if let iccProfile {
            var plain = self
            plain.iccProfile = nil
            return DocumentWriters.withICCProfile(plain.jpeg(pixels, window: window), description: iccProfile)
        }
        var best: [UInt8] = []
        for quality in stride(from: 95, through: 40, by: -3) {
            guard let data = try? encoder.encode(pixels, width: width, height: height, quality: quality) else { continue }
            best = data
            if data.count <= window.upperBound { break }
        }
        return best
    }

    /// Greyscale JPEG of the same portrait (for the `photo.color` sample).
    public func greyJPEG(_ pixels: [UInt8], quality: Int = 92) -> [UInt8] {
        var grey = [UInt8](repeating: 0, count: width * height)
        for i in 0..<(width * height) {
            let r: Int = Int(pixels[i * 3]) * 299
            let g: Int = Int(pixels[i * 3 + 1]) * 587
            let b: Int = Int(pixels[i * 3 + 2]) * 114
            grey[i] = UInt8((r + g + b) / 1000)
        }
        return (try? JPEGEncoder().encode(grey, width: width, height: height, format: .gray, quality: quality)) ?? []
    }
}

@inline(__always) func clamp(_ v: Double) -> UInt8 { UInt8(max(0, min(255, v.rounded()))) }
