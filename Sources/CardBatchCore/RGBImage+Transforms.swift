extension RGBImage {
    /// The image as a viewer shows it, given its EXIF orientation (1–8, TIFF 6.0): mirrored and/or
    /// turned so that orientation 1 results.
    public func applyingOrientation(_ orientation: Int) -> RGBImage {
        guard (2...8).contains(orientation) else { return self }
        let swaps = orientation >= 5
        let w = swaps ? height : width, h = swaps ? width : height
        var out = [UInt8](repeating: 0, count: w * h * 3)
        for y in 0..<h {
            for x in 0..<w {
                // Where the displayed pixel (x, y) comes from in the stored image.
                let (sx, sy): (Int, Int) = switch orientation {
                case 2: (width - 1 - x, y)
                case 3: (width - 1 - x, height - 1 - y)
                case 4: (x, height - 1 - y)
                case 5: (y, x)
                case 6: (y, height - 1 - x)
                case 7: (width - 1 - y, height - 1 - x)
                default: (width - 1 - y, x)  // 8
                }
                let d = (y * w + x) * 3, s = (sy * width + sx) * 3
                out[d] = pixels[s]; out[d + 1] = pixels[s + 1]; out[d + 2] = pixels[s + 2]
            }
        }
        return RGBImage(width: w, height: h, pixels: out)
    }

    /// The region `width` × `height` from (`x`, `y`); the caller keeps it inside the image.
    public func cropped(x x0: Int, y y0: Int, width w: Int, height h: Int) -> RGBImage {
        precondition(x0 >= 0 && y0 >= 0 && w > 0 && h > 0 && x0 + w <= width && y0 + h <= height)
        var out = [UInt8](repeating: 0, count: w * h * 3)
        for y in 0..<h {
            let s = ((y0 + y) * width + x0) * 3
            out.replaceSubrange((y * w * 3)..<((y + 1) * w * 3), with: pixels[s..<(s + w * 3)])
        }
        return RGBImage(width: w, height: h, pixels: out)
    }

    /// The largest centred region with the aspect ratio `aspectWidth : aspectHeight`.
    public func centreCrop(aspectWidth: Int, aspectHeight: Int) -> (image: RGBImage, x: Int, y: Int) {
        var w = width, h = width * aspectHeight / aspectWidth
        if h > height { h = height; w = height * aspectWidth / aspectHeight }
        let x0 = (width - w) / 2, y0 = (height - h) / 2
        return (cropped(x: x0, y: y0, width: w, height: h), x0, y0)
    }

    /// Resized to exactly `w` × `h` by area averaging: every output pixel is the mean of the source
    /// area it covers (partial pixels weighted), the right filter for shrinking a photo.
    public func resized(width w: Int, height h: Int) -> RGBImage {
        let sx = Double(width) / Double(w), sy = Double(height) / Double(h)
        var out = [UInt8](repeating: 0, count: w * h * 3)
        for y in 0..<h {
            let y0 = Double(y) * sy, y1 = y0 + sy
            for x in 0..<w {
                let x0 = Double(x) * sx, x1 = x0 + sx
                var sum = (0.0, 0.0, 0.0), weight = 0.0
                var yy = Int(y0)
                while Double(yy) < y1 && yy < height {
                    let wy = min(Double(yy + 1), y1) - max(Double(yy), y0)
                    var xx = Int(x0)
                    while Double(xx) < x1 && xx < width {
                        let wgt = wy * (min(Double(xx + 1), x1) - max(Double(xx), x0))
                        let i = (yy * width + xx) * 3
                        sum.0 += wgt * Double(pixels[i]); sum.1 += wgt * Double(pixels[i + 1]); sum.2 += wgt * Double(pixels[i + 2])
                        weight += wgt
                        xx += 1
                    }
                    yy += 1
                }
                let o = (y * w + x) * 3
                out[o] = UInt8(min(255, (sum.0 / weight).rounded()))
                out[o + 1] = UInt8(min(255, (sum.1 / weight).rounded()))
                out[o + 2] = UInt8(min(255, (sum.2 / weight).rounded()))
            }
        }
        return RGBImage(width: w, height: h, pixels: out)
    }
}
