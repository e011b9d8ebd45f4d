import CardBatchCore
import CardBatchNative
import Foundation

/// Makes ID-style portraits of real people: a public-domain portrait cut out of its background
/// (`PortraitCutout`) composed onto a white backdrop at the geometry the card standard asks for,
/// varied per seed (person, mirror image, face size, position, slight tilt), with fine sensor-like
/// noise so the JPEGs are realistic in size (40–100 KB at ordinary quality). Every defect of the
/// calibration set and the samples is one property here.
public struct PortraitPainter: Sendable {
    public struct Look: Sendable {
        /// Index into `PortraitCutout.all`.
        public var subject: Int
        public var mirrored: Bool
        /// Face width (1.62 × the outer eye corners' distance), head top and horizontal shift of the
        /// eye midpoint from the centre, in pixels of a 358-wide photo; roll in degrees.
        public var faceWidth: Double
        public var headTop: Double
        public var shiftX: Double
        public var roll: Double

        public static func varied(_ seed: UInt64) -> Look {
            var rng = SplitMix64(seed: seed &* 31 &+ 7)
            return Look(subject: Int(rng.next() % UInt64(PortraitCutout.names.count)), mirrored: rng.next() % 2 == 1,
                        faceWidth: Double.random(in: 196...232, using: &rng), headTop: Double.random(in: 11...15, using: &rng),
                        shiftX: Double.random(in: -5...5, using: &rng), roll: Double.random(in: -2.5...2.5, using: &rng))
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
    /// Gaussian blur of this standard deviation (pixels), applied before `grain`.
    public var gaussianBlur = 0.0
    /// Sensor grain: Gaussian noise of this standard deviation (levels), added after any blur.
    public var grain = 0.0
    /// Save at exactly this JPEG quality instead of searching the size window (heavy compression).
    public var forcedQuality: Int?
    /// Embed an ICC profile with this description (a non-sRGB colour profile).
    public var iccProfile: String?
    /// Face defects: the face multiplied in size, the whole person moved (pixels of a 358-wide photo),
    /// the head turned in the picture plane (degrees, added to the look's own).
    public var faceScale = 1.0
    /// The face this wide (pixels of a 358-wide photo) whatever the look says.
    public var fixedFaceWidth: Double?
    public var moveX = 0.0
    public var moveY = 0.0
    public var extraRoll = 0.0
    /// A second person beside the first.
    public var secondPerson = false
    /// The back of the head: the face covered by the person's own hair.
    public var backOfHead = false
    /// White clothing: everything below the neck turned white.
    public var whiteClothing = false

    public init(width: Int = 358, height: Int = 441, noise: Double = 9.0) {
        self.width = width
        self.height = height
        self.noise = noise
    }

    /// One person placed in the picture: which cut-out, and the similarity transform from the picture
    /// back into it.
    struct Placement {
        let cutout: PortraitCutout
        let mirrored: Bool
        let scale: Double, cos: Double, sin: Double
        let eyeOut: (x: Double, y: Double)
        /// The cut-out's pixel under the picture's (x, y).
        func source(_ x: Double, _ y: Double) -> (x: Double, y: Double) {
            let dx = (x - eyeOut.x) / scale, dy = (y - eyeOut.y) / scale
            var sx = cos * dx + sin * dy, sy = -sin * dx + cos * dy
            if mirrored { sx = -sx }
            let mid = cutout.eyeMid
            sy += mid.y
            sx += mid.x
            return (sx, sy)
        }
    }

    /// `faceWidth`, `dx` and `dy` in pixels of a 358-wide photo.
    func placement(_ look: Look, faceWidth: Double, dx: Double, dy: Double, roll: Double) -> Placement {
        let cutout = PortraitCutout.all[look.subject % PortraitCutout.all.count]
        let k = Double(width) / 358
        let scale = faceWidth * k / cutout.face.landmarkWidth
        let eyeDrop = (cutout.eyeMid.y - cutout.headTop) * scale
        let eyeOut = (Double(width) / 2 + (look.shiftX + dx) * k, look.headTop * k + eyeDrop + dy * k)
        // The cut-out's own tilt is taken out first, so `roll` is the tilt the picture shows.
        let angle = (look.roll + roll + (look.mirrored ? cutout.roll : -cutout.roll)) * .pi / 180
        return Placement(cutout: cutout, mirrored: look.mirrored, scale: scale, cos: Foundation.cos(angle), sin: Foundation.sin(angle), eyeOut: eyeOut)
    }

    /// Packed RGB pixels.
    public func paint(_ look: Look, seed: UInt64) -> [UInt8] {
        var rng = SplitMix64(seed: seed)
        var people = [placement(look, faceWidth: (fixedFaceWidth ?? look.faceWidth) * faceScale, dx: moveX, dy: moveY, roll: extraRoll)]
        if secondPerson {
            var other = look
            other.subject = (look.subject + 1) % PortraitCutout.names.count
            other.mirrored.toggle()
            people = [placement(look, faceWidth: look.faceWidth * 0.62, dx: -78, dy: 60, roll: 0),
                      placement(other, faceWidth: other.faceWidth * 0.62, dx: 78, dy: 66, roll: 0)]
        }
        var colour = [Double](repeating: 0, count: width * height * 3)
        var person = [Bool](repeating: false, count: width * height)
        let w = Double(width)
        for y in 0..<height {
            for x in 0..<width {
                let fx = Double(x), fy = Double(y)
                let fade = shadow * fx / w, stripe = stripes > 0 && (x / 12) % 2 == 0 ? stripes : 0
                var c = (background.0 - fade - stripe, background.1 - fade - stripe, background.2 - fade - stripe)
                for place in people {
                    let (sx, sy) = place.source(fx, fy)
                    var p = place.cutout.sample(sx, sy)
                    guard p.a > 0 else { continue }
                    let span = place.cutout.outerEyeSpan, mid = place.cutout.eyeMid
                    if backOfHead {
                        // Inside the head's outline, above the chin: hair, taken from the crown downwards.
                        let hx = (sx - mid.x) / (0.95 * span), hy = (sy - (mid.y - 0.1 * span)) / (1.25 * span)
                        if hx * hx + hy * hy <= 1 {
                            let depth = max(4, 0.35 * span)
                            let hair = place.cutout.sample(sx, place.cutout.headTop + 6 + (sy - place.cutout.headTop).truncatingRemainder(dividingBy: depth))
                            if hair.a > 0 { p = (hair.r, hair.g, hair.b, p.a) }
                        }
                    }
                    if whiteClothing && sy > mid.y + 1.3 * span && !(abs(sx - mid.x) < 0.45 * span && sy < mid.y + 1.75 * span) {
                        let luma = 0.299 * p.r + 0.587 * p.g + 0.114 * p.b
                        let white = 238 + 0.06 * (luma - 128)
                        p = (white, white, white - 1, p.a)
                    }
                    c = (p.r * p.a + c.0 * (1 - p.a), p.g * p.a + c.1 * (1 - p.a), p.b * p.a + c.2 * (1 - p.a))
                    if p.a > 0.5 { person[y * width + x] = true }
                }
                if x < frameWidth || y < frameWidth || x >= width - frameWidth || y >= height - frameWidth { c = frameColour }
                let i = (y * width + x) * 3
                colour[i] = c.0
                colour[i + 1] = c.1
                colour[i + 2] = c.2
            }
        }
        if gaussianBlur > 0 { colour = gaussian(colour, sigma: gaussianBlur) }
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for j in 0..<(width * height) {
            let n = person[j] ? rng.noise(noise * 0.4) : rng.noise(noise * 0.25)
            let g = grain > 0 ? rng.noise(grain) : 0
            for c in 0..<3 {
                pixels[3 * j + c] = clamp((colour[3 * j + c] + offset) * gain + n + g + rng.noise(noise * 0.2))
            }
        }
        return blur > 0 ? boxBlur(pixels, radius: blur) : pixels
    }

    /// A separable Gaussian blur of packed RGB values, edges clamped.
    func gaussian(_ source: [Double], sigma: Double) -> [Double] {
        let radius = Int((3 * sigma).rounded(.up))
        var kernel = (-radius...radius).map { exp(-Double($0 * $0) / (2 * sigma * sigma)) }
        let total = kernel.reduce(0, +)
        kernel = kernel.map { $0 / total }
        var across = source, out = source
        for y in 0..<height {
            for x in 0..<width {
                for ch in 0..<3 {
                    var sum = 0.0
                    for k in -radius...radius { sum += kernel[k + radius] * source[(y * width + min(max(x + k, 0), width - 1)) * 3 + ch] }
                    across[(y * width + x) * 3 + ch] = sum
                }
            }
        }
        for y in 0..<height {
            for x in 0..<width {
                for ch in 0..<3 {
                    var sum = 0.0
                    for k in -radius...radius { sum += kernel[k + radius] * across[(min(max(y + k, 0), height - 1) * width + x) * 3 + ch] }
                    out[(y * width + x) * 3 + ch] = sum
                }
            }
        }
        return out
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
