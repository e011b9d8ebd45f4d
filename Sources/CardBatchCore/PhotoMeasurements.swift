#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Packed RGB pixels, as the decoder gives them.
public struct RGBImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public let pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * 3)
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Half the width and height, each pixel the mean of a 2 × 2 block: a box filter that averages
    /// noise and JPEG grain away (DCT-domain scaling keeps more of both).
    public func halved() -> RGBImage {
        let w = width / 2, h = height / 2
        guard w > 0, h > 0 else { return RGBImage(width: w, height: h, pixels: []) }
        let out = [UInt8](unsafeUninitializedCapacity: w * h * 3) { buffer, initialized in
            pixels.withUnsafeBufferPointer { source in
                // Row pointers, so the inner loop has no index arithmetic to check: every index is
                // within rows 2y and 2y + 1 of `pixels`, which `init` checked holds width × height × 3.
                for y in 0..<h {
                    let top = source.baseAddress! + 2 * y * width * 3, bottom = top + width * 3
                    let row = buffer.baseAddress! + y * w * 3
                    for x in 0..<w {
                        let at = 6 &* x, to = 3 &* x
                        for c in 0..<3 {
                            let sum = Int(top[at &+ c]) &+ Int(top[at &+ 3 &+ c]) &+ Int(bottom[at &+ c]) &+ Int(bottom[at &+ 3 &+ c])
                            (row + to + c).initialize(to: UInt8(truncatingIfNeeded: (sum &+ 2) >> 2))
                        }
                    }
                }
            }
            initialized = w * h * 3
        }
        return RGBImage(width: w, height: h, pixels: out)
    }

    @inline(__always) func rgb(_ x: Int, _ y: Int) -> (Double, Double, Double) {
        let i = (y * width + x) * 3
        return (Double(pixels[i]), Double(pixels[i + 1]), Double(pixels[i + 2]))
    }

    @inline(__always) func luma(_ x: Int, _ y: Int) -> Double {
        let (r, g, b) = rgb(x, y)
        return 0.299 * r + 0.587 * g + 0.114 * b
    }
}

/// What the pixel checks measured of a photo. Each value is explained where it is computed.
public struct PhotoMeasurements: Sendable, Equatable, Codable {
    /// Background bands (top, and the upper sides away from the head): mean CIE L* (0–100),
    /// mean chroma (C*ab), spread of L* (standard deviation), and the largest difference of mean L*
    /// between band sections (a shadow or a gradient).
    public var backgroundLightness: Double
    public var backgroundChroma: Double
    public var backgroundSpread: Double
    public var backgroundGradient: Double
    /// The strongest frame line along an edge: how far (in L*) the outermost rows or columns differ
    /// from the background just inside them.
    public var borderContrast: Double
    /// Shares of the face region's pixels that are clipped black (every channel ≤ 8) or blown out
    /// white (any channel ≥ 254).
    public var clippedDark: Double
    public var clippedBright: Double
    /// Sharpness: the strong edges of the central region, the 90th percentile of the luma gradient,
    /// measured at a quarter of the photo's size (2 × 2 averages of the half-size decode), where
    /// sensor noise and JPEG grain are averaged away.
    public var sharpness: Double

    public init(backgroundLightness: Double, backgroundChroma: Double, backgroundSpread: Double, backgroundGradient: Double,
                borderContrast: Double, clippedDark: Double, clippedBright: Double, sharpness: Double) {
        self.backgroundLightness = backgroundLightness
        self.backgroundChroma = backgroundChroma
        self.backgroundSpread = backgroundSpread
        self.backgroundGradient = backgroundGradient
        self.borderContrast = borderContrast
        self.clippedDark = clippedDark
        self.clippedBright = clippedBright
        self.sharpness = sharpness
    }
}

/// Where the person stands in a photo, at the scale of the image measured: the head with its hair
/// (an ellipse around the face the face stage found) and everything below the eye line. The
/// backdrop's bands and the border lines leave it out, so a head that fills the frame as the card
/// standard asks (face 179–255 px of 358) is not read as a shadow or a frame.
public struct PersonOutline: Sendable, Equatable {
    public var centreX: Double, centreY: Double, radiusX: Double, radiusY: Double
    public var eyeLine: Double

    /// The outline of the face `geometry` (full-photo pixels) in an image `scale` times smaller.
    public init(_ geometry: FaceGeometry, fullHeight: Int, scale: Double) {
        let eye = (Double(fullHeight) - geometry.eyeLineFromBottom) / scale, width = geometry.faceWidth / scale
        // Most hair stays within 0.7 face widths of the eyes' midpoint sideways and 0.9 above the
        // eyes; wider hair (a full bob) is left out by its colour (`PhotoMeasure.personTest`). A wider
        // ellipse would leave no backdrop beside a head framed as the standard asks.
        centreX = (geometry.eyeMidX) / scale
        centreY = eye - 0.2 * width
        radiusX = 0.72 * width
        radiusY = 0.95 * width
        eyeLine = eye
    }

    public func contains(_ x: Int, _ y: Int) -> Bool {
        let dx = (Double(x) - centreX) / radiusX, dy = (Double(y) - centreY) / radiusY
        return Double(y) >= eyeLine || dx * dx + dy * dy <= 1
    }
}

/// Measures a photo's pixels. Pure arithmetic on an `RGBImage` of the photo at a quarter of its size
/// (90 × 111 for 358 × 441, made by `halved()` from the half-size decode): regions are fractions of
/// the size; the thresholds are calibrated at that scale.
public enum PhotoMeasure {
    /// sRGB (0–255) to CIE L*a*b* (D65).
    static let linearTable: [Double] = (0...255).map { c in
        let v = Double(c) / 255
        return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
    }

    static func lab(_ r: Double, _ g: Double, _ b: Double) -> (l: Double, a: Double, b: Double) {
        let (R, G, B) = (linearTable[Int(r)], linearTable[Int(g)], linearTable[Int(b)])
        let x = (0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.95047
        let y = 0.2126 * R + 0.7152 * G + 0.0722 * B
        let z = (0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.08883
        func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116.0 }
        let (fx, fy, fz) = (f(x), f(y), f(z))
        return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))
    }

    /// CIE L*a*b* of an image's pixels: the person test, the bands and the border lines ask for many
    /// of the same pixels and colours, and the conversion (three cube roots) is most of their cost, so
    /// each colour is taken from a `LabMemo` once converted.
    final class LabPixels {
        let image: RGBImage
        private let memo = LabMemo()

        init(_ image: RGBImage) { self.image = image }

        subscript(x: Int, y: Int) -> (l: Double, a: Double, b: Double) {
            precondition(x >= 0 && x < image.width && y >= 0 && y < image.height, "pixel (\(x), \(y)) outside the image")
            return memo.lab(image, x, y)
        }
    }

    /// The background bands: the top 8% of the photo, and the sides (outer 12%) from 8% to 45% of
    /// the height, without the person (`personTest`): a head framed as the card standard asks reaches
    /// into them. Returned as up to four sections (a section with fewer than 8 pixels left is dropped).
    static func bands(_ img: RGBImage, isPerson: (Int, Int) -> Bool) -> [[(Int, Int)]] {
        let w = img.width, h = img.height
        let top = Int(Double(h) * 0.08), upper = Int(Double(h) * 0.45), side = max(1, Int(Double(w) * 0.12))
        var topLeft: [(Int, Int)] = [], topRight: [(Int, Int)] = [], left: [(Int, Int)] = [], right: [(Int, Int)] = []
        for y in 0..<top { for x in 0..<w { if x < w / 2 { topLeft.append((x, y)) } else { topRight.append((x, y)) } } }
        for y in top..<upper {
            for x in 0..<side { left.append((x, y)) }
            for x in (w - side)..<w { right.append((x, y)) }
        }
        return [topLeft, topRight, left, right].map { $0.filter { !isPerson($0.0, $0.1) } }.filter { $0.count >= 8 }
    }

    /// Whether a pixel belongs to the person: inside `person`'s outline (when the face stage found
    /// one), or more than ΔE 30 from the backdrop's colour where it is surest (just inside the two top
    /// corners, clear of any frame). Shadows and stripes on a backdrop stay well within ΔE 30; hair and
    /// clothing do not. The backdrop's bands and the border lines leave such pixels out.
    static func personTest(_ img: RGBImage, _ person: PersonOutline?, _ labs: LabPixels) -> (Int, Int) -> Bool {
        let w = img.width, corner = max(1, w / 30), offset = max(2, w / 40)
        var seed: (l: Double, a: Double, b: Double) = (0, 0, 0)
        var n = 0.0
        for y in offset..<min(img.height, offset + corner) {
            for x in Array(offset..<(offset + corner)) + Array((w - offset - corner)..<(w - offset)) where x >= 0 && x < w {
                let c = labs[x, y]
                seed = (seed.l + c.l, seed.a + c.a, seed.b + c.b)
                n += 1
            }
        }
        if n > 0 { seed = (seed.l / n, seed.a / n, seed.b / n) }
        return { x, y in
            if person?.contains(x, y) ?? false { return true }
            let c = labs[x, y]
            return (c.l - seed.l) * (c.l - seed.l) + (c.a - seed.a) * (c.a - seed.a) + (c.b - seed.b) * (c.b - seed.b) > 30 * 30
        }
    }

    public static func measure(_ img: RGBImage, person: PersonOutline? = nil) -> PhotoMeasurements {
        // Background.
        var sections: [(l: Double, c: Double, n: Double)] = []
        var all: [Double] = []
        // Frame lines are measured separately; skip the outermost 2% so a border does not count twice.
        let inset = max(1, img.width / 50)
        // Which pixels are the person, decided once for the bands and the border lines.
        let labs = LabPixels(img)
        let isPerson = personTest(img, person, labs)
        for section in bands(img, isPerson: isPerson) {
            var sl = 0.0, sc = 0.0, n = 0.0
            for (x, y) in section where x >= inset && x < img.width - inset && y >= inset {
                let c = labs[x, y]
                sl += c.l
                sc += (c.a * c.a + c.b * c.b).squareRoot()
                n += 1
                all.append(c.l)
            }
            sections.append((sl / max(n, 1), sc / max(n, 1), n))
        }
        let meanL = all.reduce(0, +) / Double(max(all.count, 1))
        let spread = (all.reduce(0) { $0 + ($1 - meanL) * ($1 - meanL) } / Double(max(all.count, 1))).squareRoot()
        let chroma = sections.reduce(0) { $0 + $1.c * $1.n } / max(sections.reduce(0) { $0 + $1.n }, 1)
        let ls = sections.map(\.l)
        let gradient = (ls.max() ?? 0) - (ls.min() ?? 0)

        // Border: compare each of the outermost lines with the background a little further in.
        func lineL(_ points: [(Int, Int)]) -> Double {
            points.reduce(0) { $0 + labs[$1.0, $1.1].l } / Double(max(points.count, 1))
        }
        let depth = max(2, img.width / 40), w = img.width, h = img.height
        var border = 0.0
        let ref = max(depth + 2, img.width / 20)
        // Positions along each edge where neither the edge nor the reference line inside it is the person.
        let across = (0..<w).filter { x in !isPerson(x, ref) }
        let down = (0..<(h / 2)).filter { y in !isPerson(ref, y) && !isPerson(w - 1 - ref, y) }
        if !across.isEmpty && !down.isEmpty {
            let topRef = lineL(across.map { ($0, ref) })
            let leftRef = lineL(down.map { (ref, $0) }), rightRef = lineL(down.map { (w - 1 - ref, $0) })
            for d in 0..<depth {
                border = max(border, abs(lineL(across.map { ($0, d) }) - topRef))
                border = max(border, abs(lineL(down.map { (d, $0) }) - leftRef))
                border = max(border, abs(lineL(down.map { (w - 1 - d, $0) }) - rightRef))
            }
        }

        // Exposure and sharpness in the central region (where the face is).
        let x0 = Int(Double(w) * 0.30), x1 = Int(Double(w) * 0.70), y0 = Int(Double(h) * 0.25), y1 = Int(Double(h) * 0.70)
        // Exposure is judged on the face alone (the middle quarter of the width, 30–58% of the
        // height): the white backdrop beside the head is meant to be bright.
        let fx0 = Int(Double(w) * 0.38), fx1 = Int(Double(w) * 0.62), fy0 = Int(Double(h) * 0.30), fy1 = Int(Double(h) * 0.58)
        var dark = 0.0, bright = 0.0, count = 0.0
        for y in fy0..<fy1 {
            for x in fx0..<fx1 {
                let (r, g, b) = img.rgb(x, y)
                // Black when every channel is crushed; white when any channel is blown out (a face
                // whose red channel is clipped has lost its modelling even if its luma is below white).
                if max(r, g, b) <= 8 { dark += 1 }
                if max(r, g, b) >= 254 { bright += 1 }
                count += 1
            }
        }
        // Gradient magnitude of luma over the central region. The image is expected at a quarter of
        // the photo's size (decoded so), where sensor noise and JPEG grain are already averaged away.
        let qw = x1 - x0, qh = y1 - y0
        var quarter = [Double](repeating: 0, count: qw * qh)
        for qy in 0..<qh {
            for qx in 0..<qw { quarter[qy * qw + qx] = img.luma(x0 + qx, y0 + qy) }
        }
        // Strong edges (90th percentile of the gradient magnitude): a focused face has crisp eyes,
        // brows and outline, and blur flattens exactly those.
        var magnitudes: [Double] = []
        magnitudes.reserveCapacity(qw * qh)
        for y in 1..<max(qh - 1, 1) {
            for x in 1..<max(qw - 1, 1) {
                let gx = quarter[y * qw + x + 1] - quarter[y * qw + x - 1]
                let gy = quarter[(y + 1) * qw + x] - quarter[(y - 1) * qw + x]
                magnitudes.append((gx * gx + gy * gy).squareRoot())
            }
        }
        let edges = magnitudes.isEmpty ? 0 : select(&magnitudes, min(magnitudes.count - 1, magnitudes.count * 9 / 10))
        return PhotoMeasurements(
            backgroundLightness: round2(meanL), backgroundChroma: round2(chroma), backgroundSpread: round2(spread),
            backgroundGradient: round2(gradient), borderContrast: round2(border), clippedDark: round4(dark / max(count, 1)),
            clippedBright: round4(bright / max(count, 1)), sharpness: round2(edges))
    }

    /// The value that would be at `k` if `values` were sorted (Hoare's selection, linear on average
    /// where a sort is n log n); `values` is reordered.
    static func select(_ values: inout [Double], _ k: Int) -> Double {
        precondition(k >= 0 && k < values.count)
        return values.withUnsafeMutableBufferPointer { v in
            var lo = 0, hi = v.count - 1
            while lo < hi {
                // Median of three as the pivot, so sorted or constant runs stay linear.
                let mid = lo + (hi - lo) / 2
                let pivot = Swift.max(Swift.min(v[lo], v[mid]), Swift.min(Swift.max(v[lo], v[mid]), v[hi]))
                var i = lo, j = hi
                while i <= j {
                    while v[i] < pivot { i += 1 }
                    while v[j] > pivot { j -= 1 }
                    if i <= j {
                        v.swapAt(i, j)
                        i += 1
                        j -= 1
                    }
                }
                if k <= j { hi = j } else if k >= i { lo = i } else { return v[k] }
            }
            return v[k]
        }
    }

    static func round2(_ v: Double) -> Double { (v * 100).rounded() / 100 }
    static func round4(_ v: Double) -> Double { (v * 10_000).rounded() / 10_000 }
}

