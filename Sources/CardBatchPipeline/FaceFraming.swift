import CardBatchCore
import CardBatchIntake
import CardBatchNative

/// Where `fix-photo` crops a portrait so that its face lands where the card standard wants it: the
/// eye midpoint on the photo's centre line, the face 217 px wide (the middle of 179–255) and the top
/// of the head 14 px below the top edge (the middle of 7–21), for a 358 × 441 photo.
enum FaceFraming {
    /// The crop, in pixels of `image`, or a refusal saying why the face cannot be framed.
    static func crop(_ image: RGBImage, configuration: Configuration) throws(PhotoFixRefusal) -> (x: Int, y: Int, width: Int, height: Int) {
        let checks = configuration.faceChecks, limits = configuration.photo
        let detector: FaceDetector
        do {
            detector = try FaceDetector(model: FaceStage.model(path: checks.modelPath))
        } catch {
            throw PhotoFixRefusal(reason: LocalizedText(en: "the face cannot be located: \(error.message)", zh: "无法定位人脸：\(error.message)"))
        }
        // Searched on a copy of at most about 720 px a side (an average of k × k pixels), where the
        // face of a portrait is large enough and the search is quick.
        let k = max(1, (max(image.width, image.height) + 719) / 720)
        let small = k == 1 ? image : image.resized(width: image.width / k, height: image.height / k)
        let found: (count: Int, faces: [DetectedFace])
        do {
            found = try detector.find(rgb: small.pixels, width: small.width, height: small.height, retryArea: 600 * 600)
        } catch {
            throw PhotoFixRefusal(reason: LocalizedText(en: "the face cannot be located: \(error.message)", zh: "无法定位人脸：\(error.message)"))
        }
        guard found.count == 1, let face = found.faces.first.map(FoundFace.init) else {
            throw PhotoFixRefusal(reason: found.count == 0
                ? LocalizedText(en: "no face was found in it; the photo must show the employee's face from the front", zh: "照片中未检测到人脸，须为员工本人正面照")
                : LocalizedText(en: "\(found.count) faces were found in it; the photo must show the employee alone", zh: "照片中检测到 \(found.count) 张人脸，只能有员工本人"))
        }
        let scaleBack = Double(image.width) / Double(small.width)
        let eyeX = face.eyeMidpoint.x, eyeY = face.eyeMidpoint.y, faceWidth = face.landmarkWidth
        let top = FaceMeasure.headTop(onBackdropOf: small, centre: eyeX, halfWidth: 0.3 * faceWidth, above: eyeY)

        // Output pixels per pixel of `image`, and the crop that puts the figures in place.
        let k358 = Double(limits.width) / 358
        var scale = 217 * k358 / (faceWidth * scaleBack)
        // A crop that does not fit is made smaller (the face larger), up to a face of 250 px.
        var width = 0.0, height = 0.0, left = 0.0, upper = 0.0
        for _ in 0..<40 {
            width = Double(limits.width) / scale
            height = Double(limits.height) / scale
            left = eyeX * scaleBack - width / 2
            upper = top * scaleBack - 14 * k358 / scale
            if left >= 0, upper >= 0, left + width <= Double(image.width), upper + height <= Double(image.height) { break }
            guard faceWidth * scaleBack * scale < 250 * k358 else { break }
            scale *= 1.01
        }
        guard left >= 0, upper >= 0, left + width <= Double(image.width) + 0.5, upper + height <= Double(image.height) + 0.5 else {
            throw PhotoFixRefusal(reason: LocalizedText(
                en: "the face is too close to the edge of the picture to be centred with the head's required margins; take the photo with more space around the head",
                zh: "人脸过于靠近画面边缘，无法按要求居中并留出头顶空白，请拍摄时在头部周围留出更多空间"))
        }
        let x = Int(left.rounded()), y = Int(upper.rounded())
        return (x, y, min(Int(width.rounded()), image.width - x), min(Int(height.rounded()), image.height - y))
    }
}
