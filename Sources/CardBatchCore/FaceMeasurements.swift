#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A face the detector found, in pixels of the image it searched: its box and dlib's five landmarks
/// (outer and inner corner of one eye, of the other, and the base of the nose).
public struct FoundFace: Sendable, Equatable {
    public var left: Double, top: Double, right: Double, bottom: Double
    public var landmarks: [Point]

    public struct Point: Sendable, Equatable {
        public var x: Double, y: Double
        public init(x: Double, y: Double) { self.x = x; self.y = y }
    }

    public init(left: Double, top: Double, right: Double, bottom: Double, landmarks: [Point]) {
        precondition(landmarks.count == 5)
        self.left = left; self.top = top; self.right = right; self.bottom = bottom
        self.landmarks = landmarks
    }

    /// The two eye centres (mean of each eye's corners), the one further left in the image first.
    public var eyes: (Point, Point) {
        let p = landmarks
        let a = Point(x: (p[0].x + p[1].x) / 2, y: (p[0].y + p[1].y) / 2), b = Point(x: (p[2].x + p[3].x) / 2, y: (p[2].y + p[3].y) / 2)
        return a.x <= b.x ? (a, b) : (b, a)
    }

    /// The midpoint of the eye line.
    public var eyeMidpoint: Point {
        let (a, b) = eyes
        return Point(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2)
    }

    /// The distance between the outer eye corners.
    public var outerEyeSpan: Double { hypot(landmarks[0].x - landmarks[2].x, landmarks[0].y - landmarks[2].y) }

    /// The face width (cheek to cheek) the landmarks alone suggest: `FaceMeasure.widthPerEyeSpan` outer eye spans.
    public var landmarkWidth: Double { FaceMeasure.widthPerEyeSpan * outerEyeSpan }

    /// The eye line's tilt from horizontal, in degrees (positive: the right-hand eye in the image lower).
    public var roll: Double {
        let (a, b) = eyes
        return atan2(b.y - a.y, b.x - a.x) * 180 / .pi
    }
}

/// What the face stage measured of a photo. Figures are in pixels of the full photo.
public struct FaceMeasurements: Sendable, Equatable, Codable {
    /// Faces the detector found (frontal faces, of the sizes an ID photo can hold).
    public var faceCount: Int
    /// The one face's geometry and pose; nil unless exactly one face was found.
    public var geometry: FaceGeometry?
    /// Blur: Tenengrad (mean squared Sobel gradient) of the face region after a Gaussian of σ 1.4
    /// divided by the same after a Gaussian of σ 0.7, at half the photo's size (Pertuz, Puig & García
    /// 2013), each with the energy that the estimated grain adds taken out. Near 1 when the face is
    /// blurred (more smoothing changes little), lower when it has fine detail; grain neither passes
    /// for detail nor hides blur.
    public var blurRatio: Double
    /// Sensor grain: the standard deviation of the noise, in levels of the full photo, by Immerkær's
    /// (1996) Laplacian-difference operator over the flat, unclipped parts of the photo.
    public var grain: Double

    public init(faceCount: Int, geometry: FaceGeometry?, blurRatio: Double, grain: Double) {
        self.faceCount = faceCount
        self.geometry = geometry
        self.blurRatio = blurRatio
        self.grain = grain
    }
}

/// The one face's figures, as the card standard states them for a 358 × 441 photo.
public struct FaceGeometry: Sendable, Equatable, Codable {
    /// Cheek to cheek where the ears join the face: the skin edge at cheek height, or, when that edge
    /// cannot be told from hair or clothing, 1.62 × the distance between the outer eye corners.
    public var faceWidth: Double
    /// From the top edge to the top of the head (hair included), found in the background mask above the face.
    public var headTop: Double
    /// From the left edge to the midpoint of the eye line.
    public var eyeMidX: Double
    /// From the eye line to the bottom edge.
    public var eyeLineFromBottom: Double
    /// The face's axis (midway between the eye midpoint and the nose base) minus the photo's centre;
    /// negative: left.
    public var centreOffset: Double
    /// Roll: the eye line's angle from horizontal, in degrees (positive: the subject's right eye lower).
    public var roll: Double
    /// Yaw estimate: how far the nose base sits from the eye midpoint along the eye line, over the
    /// distance between the eyes (0 looking ahead; about 0.3 at 20°).
    public var yaw: Double
    /// How far the clothing below the chin stands from the backdrop: mean CIE ΔE*ab (1976).
    public var clothingContrast: Double

    public init(faceWidth: Double, headTop: Double, eyeMidX: Double, eyeLineFromBottom: Double, centreOffset: Double,
                roll: Double, yaw: Double, clothingContrast: Double) {
        self.faceWidth = faceWidth
        self.headTop = headTop
        self.eyeMidX = eyeMidX
        self.eyeLineFromBottom = eyeLineFromBottom
        self.centreOffset = centreOffset
        self.roll = roll
        self.yaw = yaw
        self.clothingContrast = clothingContrast
    }
}

/// Measures the face of a photo from its half-size decode and what the detector found there. Pure
/// arithmetic: `scale` is full-photo pixels per pixel of `image`.
public enum FaceMeasure {
    /// The ratio of face width to the distance between the outer eye corners, used when the skin edge
    /// is not found (calibrated on the calibration set's real faces).
    public static let widthPerEyeSpan = 1.62

    public static func measure(_ image: RGBImage, scale: Double, faces: [FoundFace], count: Int, fullWidth: Int, fullHeight: Int) -> FaceMeasurements {
        let luma = Luma(image)
        let noise = grain(luma)
        let geometry = count == 1 && faces.count == 1
            ? self.geometry(image, luma: luma, face: faces[0], scale: scale, fullWidth: fullWidth, fullHeight: fullHeight, noise: noise) : nil
        // The face region for blur: the detector's box, or the middle of the photo without one.
        let region: (Int, Int, Int, Int)
        if count >= 1, let face = faces.first {
            region = (Int(face.left), Int(face.top), Int(face.right), Int(face.bottom))
        } else {
            region = (image.width * 3 / 10, image.height / 4, image.width * 7 / 10, image.height * 7 / 10)
        }
        return FaceMeasurements(faceCount: count, geometry: geometry, blurRatio: round3(blurRatio(luma, region: region, noise: noise)),
                                grain: PhotoMeasure.round2(noise * scale))
    }

    static func round3(_ v: Double) -> Double { (v * 1000).rounded() / 1000 }

    /// Luma of every pixel (Rec. 601), as doubles.
    struct Luma {
        let width: Int, height: Int
        var values: [Double]
        init(_ image: RGBImage) {
            width = image.width
            height = image.height
            let count = width * height
            // An empty picture gets a plain empty array: `unsafeUninitializedCapacity: 0` hands back
            // the shared empty storage and stores its count there, a write to one global from every
            // thread (ThreadSanitizer reports it).
            guard count > 0 else {
                values = []
                return
            }
            values = [Double](unsafeUninitializedCapacity: count) { out, initialized in
                image.pixels.withUnsafeBufferPointer { p in
                    guard p.count >= count * 3, var rgb = p.baseAddress else { return }
                    for i in 0..<count {
                        out[i] = 0.299 * Double(rgb[0]) + 0.587 * Double(rgb[1]) + 0.114 * Double(rgb[2])
                        rgb += 3
                    }
                    initialized = count
                }
            }
        }
        init(width: Int, height: Int, values: [Double]) { self.width = width; self.height = height; self.values = values }
        subscript(x: Int, y: Int) -> Double { values[y * width + x] }
    }

    // MARK: geometry

    static func geometry(_ image: RGBImage, luma: Luma, face: FoundFace, scale: Double, fullWidth: Int, fullHeight: Int, noise: Double) -> FaceGeometry {
        let p = face.landmarks
        let (first, second) = face.eyes, mid = face.eyeMidpoint
        let dx = second.x - first.x, dy = second.y - first.y
        let eyeDistance = max((dx * dx + dy * dy).squareRoot(), 1)
        // Yaw: the nose base's offset from the eye midpoint, along the eye line.
        let yaw = ((p[4].x - mid.x) * dx + (p[4].y - mid.y) * dy) / (eyeDistance * eyeDistance)
        let outerSpan = face.outerEyeSpan

        // One memo of colour conversions for every measure below (they read many of the same colours).
        let memo = LabMemo()
        let background = backgroundColour(image, memo: memo)
        let edges = cheekEdges(image, mid: mid, eyeDistance: eyeDistance, outerSpan: outerSpan, background: background, memo: memo)
        let landmarkWidth = face.landmarkWidth
        var faceWidth = landmarkWidth
        // The skin edge wins only where it agrees with the landmarks: at cheek height an ear, a hand
        // or hair of the skin's colour would widen it.
        if let (left, right) = edges, (right - left) > 0.9 * landmarkWidth, (right - left) < 1.1 * landmarkWidth {
            faceWidth = right - left
        }
        // The face's axis: midway between the eye midpoint and the nose base.
        let centre = (mid.x + p[4].x) / 2
        let top = headTop(image, centre: mid.x, halfWidth: 0.3 * faceWidth, above: mid.y, background: background, threshold: max(3, 1.5 * noise),
                          memo: memo)
        let clothing = clothingContrast(image, centre: mid.x, from: mid.y + 1.9 * eyeDistance, halfWidth: 0.65 * faceWidth, background: background,
                                        memo: memo)
        return FaceGeometry(
            faceWidth: PhotoMeasure.round2(faceWidth * scale), headTop: PhotoMeasure.round2(top * scale),
            eyeMidX: PhotoMeasure.round2(mid.x * scale), eyeLineFromBottom: PhotoMeasure.round2(Double(fullHeight) - mid.y * scale),
            centreOffset: PhotoMeasure.round2(centre * scale - Double(fullWidth) / 2), roll: PhotoMeasure.round2(face.roll),
            yaw: round3(yaw), clothingContrast: PhotoMeasure.round2(clothing))
    }

    typealias Lab = (l: Double, a: Double, b: Double)

    static func distance(_ u: Lab, _ v: Lab) -> Double {
        ((u.l - v.l) * (u.l - v.l) + (u.a - v.a) * (u.a - v.a) + (u.b - v.b) * (u.b - v.b)).squareRoot()
    }

    /// The backdrop's colour: the mean of the top rows (3% of the height) in the outer fifths of the
    /// width, clear of a head whose hair comes within 7 px of the top edge.
    static func backgroundColour(_ image: RGBImage, memo: LabMemo = LabMemo()) -> Lab {
        let rows = max(2, image.height * 3 / 100), side = max(1, image.width / 5)
        var sum: Lab = (0, 0, 0)
        var n = 0.0
        for y in 0..<rows {
            for x in Array(0..<side) + Array((image.width - side)..<image.width) {
                let c = memo.lab(image, x, y)
                sum = (sum.l + c.l, sum.a + c.a, sum.b + c.b)
                n += 1
            }
        }
        return n > 0 ? (sum.l / n, sum.a / n, sum.b / n) : (100, 0, 0)
    }

    /// Background: within ΔE 10 of the backdrop's colour.
    static func isBackground(_ c: Lab, _ background: Lab) -> Bool { distance(c, background) < 10 }

    /// The skin edges at cheek height (0.45 of the eye distance below the eye line): from under
    /// each eye outwards, the first place where two pixels in a row are backdrop, or far from the
    /// cheek's own colour (hair, an ear's shadow, a collar). Nil when either side runs off the image.
    static func cheekEdges(_ image: RGBImage, mid: FoundFace.Point, eyeDistance: Double, outerSpan: Double,
                           background: Lab, memo: LabMemo = LabMemo()) -> (Double, Double)? {
        let y = Int((mid.y + 0.45 * eyeDistance).rounded())
        guard y >= 0, y < image.height else { return nil }
        func cheek(_ x: Double) -> Lab {
            var sum: Lab = (0, 0, 0)
            var n = 0.0
            for dy in -1...1 {
                for dx in -1...1 {
                    let cx = min(max(Int(x) + dx, 0), image.width - 1), cy = min(max(y + dy, 0), image.height - 1)
                    let c = memo.lab(image, cx, cy)
                    sum = (sum.l + c.l, sum.a + c.a, sum.b + c.b)
                    n += 1
                }
            }
            return (sum.l / n, sum.a / n, sum.b / n)
        }
        func edge(from start: Double, step: Int) -> Double? {
            let skin = cheek(start)
            var x = Int(start), misses = 0
            let limit = Int(start) + step * Int(outerSpan)
            while x >= 0, x < image.width, x != limit {
                let c = memo.lab(image, x, y)
                if isBackground(c, background) || distance(c, skin) > 28 {
                    misses += 1
                    if misses == 2 { return Double(x - step) }
                } else {
                    misses = 0
                }
                x += step
            }
            return nil
        }
        guard let left = edge(from: mid.x - 0.5 * eyeDistance, step: -1), let right = edge(from: mid.x + 0.5 * eyeDistance, step: 1) else { return nil }
        return (left, right)
    }

    /// The top of the head of a person on a white backdrop, by the same measure as the face checks
    /// (for placing cut-outs where the checks will find them).
    public static func headTop(onWhite image: RGBImage, centre: Double, halfWidth: Double, above: Double) -> Double {
        headTop(image, centre: centre, halfWidth: halfWidth, above: above, background: (100, 0, 0), threshold: 3)
    }

    /// The top of the head of a person on the backdrop that the top rows of `image` show.
    public static func headTop(onBackdropOf image: RGBImage, centre: Double, halfWidth: Double, above: Double) -> Double {
        headTop(image, centre: centre, halfWidth: halfWidth, above: above, background: backgroundColour(image), threshold: max(3, 1.5 * grain(Luma(image))))
    }

    /// The top of the head: in the columns over the middle of the face, the first row from the top
    /// at least `threshold` ΔE from the backdrop (two rows in a row), taking the
    /// highest of the columns after dropping the 15% highest as strays.
    static func headTop(_ image: RGBImage, centre: Double, halfWidth: Double, above: Double, background: Lab, threshold: Double,
                        memo: LabMemo = LabMemo()) -> Double {
        let x0 = max(0, Int(centre - halfWidth)), x1 = min(image.width, Int(centre + halfWidth) + 1)
        let bottom = max(0, min(image.height, Int(above)))
        guard x0 < x1, bottom > 0 else { return 0 }
        var tops: [Int] = []
        for x in x0..<x1 {
            var found = bottom
            var previous = false
            for y in 0..<bottom {
                // Tighter than elsewhere: grey or blond hair on a light backdrop is only a few ΔE away.
                // Grain raises the bar (1.5 × its σ), and two rows in a row keep single specks out.
                let person = distance(memo.lab(image, x, y), background) >= threshold
                if person && previous { found = y - 1; break }
                previous = person
            }
            tops.append(found)
        }
        tops.sort()
        return Double(tops[min(tops.count - 1, tops.count * 15 / 100)])
    }

    /// Mean ΔE from the backdrop of the shoulders: the bottom tenth of the photo below the chin, on
    /// both sides of the neck (the middle, with the neck, a collar or a tie, is left out), from a
    /// third to all of `halfWidth` away from the face's centre.
    static func clothingContrast(_ image: RGBImage, centre: Double, from top: Double, halfWidth: Double, background: Lab,
                                 memo: LabMemo = LabMemo()) -> Double {
        let y0 = max(Int(top), image.height * 90 / 100), y1 = image.height
        guard y0 < y1 else { return 0 }
        var sum = 0.0, n = 0.0
        for (from, to) in [(centre - halfWidth, centre - halfWidth / 3), (centre + halfWidth / 3, centre + halfWidth)] {
            let x0 = max(0, Int(from)), x1 = min(image.width, Int(to))
            guard x0 < x1 else { continue }
            for y in y0..<y1 {
                for x in x0..<x1 {
                    sum += distance(memo.lab(image, x, y), background)
                    n += 1
                }
            }
        }
        return n > 0 ? sum / n : 0
    }

    // MARK: blur and grain

    /// A separable Gaussian of standard deviation `sigma`, edges clamped.
    static func gaussian(_ luma: Luma, sigma: Double) -> Luma {
        let radius = max(1, Int((3 * sigma).rounded(.up)))
        var kernel = (-radius...radius).map { exp(-Double($0 * $0) / (2 * sigma * sigma)) }
        let total = kernel.reduce(0, +)
        kernel = kernel.map { $0 / total }
        let w = luma.width, h = luma.height
        guard w > 0, h > 0 else { return luma }
        var across = [Double](repeating: 0, count: w * h), out = [Double](repeating: 0, count: w * h)
        kernel.withUnsafeBufferPointer { k in
            luma.values.withUnsafeBufferPointer { src in
                across.withUnsafeMutableBufferPointer { dst in
                    // Tap by tap over each row, so the inner loop runs over contiguous pixels
                    // (the sum per pixel is still taken in tap order: the same result as pixel by pixel).
                    for y in 0..<h {
                        let row = y * w
                        for t in 0...(2 * radius) {
                            let weight = k[t], shift = t - radius
                            // The pixels whose tap falls inside the row.
                            let lo = max(0, -shift), hi = min(w, w - shift)
                            if lo < hi {
                                // Through base pointers, so the loop has no index arithmetic to check
                                // for overflow and is vectorised.
                                let out = dst.baseAddress! + row, from = src.baseAddress! + row + shift
                                for x in lo..<hi { out[x] += weight * from[x] }
                            }
                            // The edge pixels, whose tap falls off the row and takes its end pixel.
                            let edgeEnd = min(lo, w), edgeStart = min(max(hi, lo), w)
                            for x in 0..<edgeEnd { dst[row + x] += weight * src[row + min(max(x + shift, 0), w - 1)] }
                            for x in edgeStart..<w { dst[row + x] += weight * src[row + min(max(x + shift, 0), w - 1)] }
                        }
                    }
                }
            }
            across.withUnsafeBufferPointer { src in
                out.withUnsafeMutableBufferPointer { dst in
                    for y in 0..<h {
                        let out = dst.baseAddress! + y * w
                        for t in 0...(2 * radius) {
                            let weight = k[t], from = src.baseAddress! + min(max(y + t - radius, 0), h - 1) * w
                            for x in 0..<w { out[x] += weight * from[x] }
                        }
                    }
                }
            }
        }
        return Luma(width: w, height: h, values: out)
    }

    /// Tenengrad: the mean squared Sobel gradient over `region` (left, top, right, bottom).
    static func tenengrad(_ luma: Luma, region: (Int, Int, Int, Int)) -> Double {
        let x0 = max(1, region.0), y0 = max(1, region.1), x1 = min(luma.width - 1, region.2), y1 = min(luma.height - 1, region.3)
        guard x0 < x1, y0 < y1 else { return 0 }
        var sum = 0.0
        let w = luma.width
        luma.values.withUnsafeBufferPointer { l in
            for y in y0..<y1 {
                let up = l.baseAddress! + (y - 1) * w, at = l.baseAddress! + y * w, down = l.baseAddress! + (y + 1) * w
                for x in x0..<x1 {
                    let left = x &- 1, right = x &+ 1
                    let gx = (up[right] + 2 * at[right] + down[right]) - (up[left] + 2 * at[left] + down[left])
                    let gy = (down[left] + 2 * down[x] + down[right]) - (up[left] + 2 * up[x] + up[right])
                    sum += gx * gx + gy * gy
                }
            }
        }
        return sum / Double((x1 - x0) * (y1 - y0))
    }

    /// What white noise of variance 1 adds to `tenengrad` after a Gaussian of `sigma`: the sum of the
    /// squared Sobel responses to the smoothed impulse.
    static func noiseEnergy(sigma: Double) -> Double {
        let size = 2 * Int((3 * sigma).rounded(.up)) + 7
        var impulse = [Double](repeating: 0, count: size * size)
        impulse[(size / 2) * size + size / 2] = 1
        let smoothed = gaussian(Luma(width: size, height: size, values: impulse), sigma: sigma)
        return tenengrad(smoothed, region: (1, 1, size - 1, size - 1)) * Double((size - 2) * (size - 2))
    }

    static let noiseEnergies = (fine: noiseEnergy(sigma: 0.7), coarse: noiseEnergy(sigma: 1.4))

    /// The Tenengrad ratio with grain taken out: the energy that noise of the estimated `noise` σ
    /// adds to each Tenengrad is subtracted first, so grain neither passes for detail nor hides blur.
    static func blurRatio(_ luma: Luma, region: (Int, Int, Int, Int), noise: Double) -> Double {
        // Only the region (and a margin for the kernels) is smoothed.
        let margin = 8
        let x0 = max(0, region.0 - margin), y0 = max(0, region.1 - margin)
        let x1 = min(luma.width, region.2 + margin), y1 = min(luma.height, region.3 + margin)
        guard x1 - x0 > 2 * margin, y1 - y0 > 2 * margin else { return 1 }
        var values: [Double] = []
        values.reserveCapacity((x1 - x0) * (y1 - y0))
        for y in y0..<y1 { values += luma.values[(y * luma.width + x0)..<(y * luma.width + x1)] }
        let crop = Luma(width: x1 - x0, height: y1 - y0, values: values)
        let inner = (region.0 - x0, region.1 - y0, region.2 - x0, region.3 - y0)
        let variance = noise * noise
        let fine = tenengrad(gaussian(crop, sigma: 0.7), region: inner) - variance * noiseEnergies.fine
        let coarse = tenengrad(gaussian(crop, sigma: 1.4), region: inner) - variance * noiseEnergies.coarse
        return fine > 0 ? min(1, max(0, coarse) / fine) : 1
    }

    /// Immerkær's fast noise estimate: σ = √(π/2) / 6 × mean |I ∗ N| with N the difference of two
    /// Laplacians, over pixels that are neither clipped nor on an edge (a Sobel magnitude in the
    /// strongest 30% would count structure as noise).
    static func grain(_ luma: Luma) -> Double {
        let w = luma.width, h = luma.height
        guard w > 4, h > 4 else { return 0 }
        // The flattest 70% by gradient magnitude, found with a histogram (0.25-level bins) rather
        // than a sort; each bin also sums its pixels' responses, so one pass over the pixels does.
        let bins = 2048
        var histogram = [Int](repeating: 0, count: bins), sums = [Double](repeating: 0, count: bins)
        var count = 0
        luma.values.withUnsafeBufferPointer { l in
            histogram.withUnsafeMutableBufferPointer { histogram in
                sums.withUnsafeMutableBufferPointer { sums in
                    for y in 1..<(h - 1) {
                        // Row pointers and wrapping offsets: no index arithmetic to check.
                        let up = l.baseAddress! + (y - 1) * w, at = l.baseAddress! + y * w, down = l.baseAddress! + (y + 1) * w
                        for x in 1..<(w - 1) {
                            let v = at[x]
                            if v >= 250 || v <= 5 { continue }
                            let left = x &- 1, right = x &+ 1
                            let corners = up[left] + up[right] + down[left] + down[right]
                            let sides = up[x] + at[left] + at[right] + down[x]
                            let gx = at[right] - at[left], gy = down[x] - up[x]
                            // × 4 is ÷ 0.25 (the bin width) exactly.
                            let bin = min(bins - 1, Int((gx * gx + gy * gy).squareRoot() * 4))
                            histogram[bin] += 1
                            sums[bin] += abs(corners - 2 * sides + 4 * v)
                            count += 1
                        }
                    }
                }
            }
        }
        guard count > 16 else { return 0 }
        var cut = 0, below = 0
        while cut < bins - 1 && below + histogram[cut] <= count * 7 / 10 { below += histogram[cut]; cut += 1 }
        let sum = sums[..<cut].reduce(0, +), n = histogram[..<cut].reduce(0, +)
        guard n > 0 else { return 0 }
        return (Double.pi / 2).squareRoot() / 6 * sum / Double(n)
    }
}
