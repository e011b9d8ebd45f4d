public import CardBatchCore
import CardBatchIntake
import CardBatchNative

/// Why a photo cannot be made compliant.
public struct PhotoFixRefusal: Error, Sendable, CustomStringConvertible {
    public let reason: LocalizedText
    public var description: String { reason.en }
}

/// What `fix-photo` did and what is still wrong.
public struct PhotoFixResult: Sendable {
    /// The compliant JPEG.
    public let jpeg: [UInt8]
    /// Every change made, in order, in both languages.
    public let changes: [LocalizedText]
    /// What the photo rules still find in the result (what no resizing can fix: the background, the
    /// exposure, blur), warnings included.
    public let remaining: [Finding]
}

/// Makes a compliant photo from a reasonable portrait: upright (EXIF orientation applied), 24-bit
/// sRGB, cropped around the face (with the face checks on; around the centre to 358:441 without
/// them), resized to exactly 358 × 441, metadata removed but the date taken, saved at the highest
/// JPEG quality that lands inside the size window. No face, or more than one, is refused.
public enum PhotoFixer {
    public static func fix(_ input: [UInt8], configuration: Configuration = Configuration()) throws(PhotoFixRefusal) -> PhotoFixResult {
        let limits = configuration.photo
        var changes: [LocalizedText] = []
        var image: RGBImage
        var dateTaken: String? = nil
        switch FileSignature(prefix: input) {
        case .jpeg:
            let decoded: (header: JPEGHeader, width: Int, height: Int, rgb: [UInt8]?)
            do {
                decoded = try input.withUnsafeBytes { try JPEGDecoder().decodeRGB($0, scale: 1) }
            } catch {
                throw PhotoFixRefusal(reason: LocalizedText(en: "the JPEG is damaged: \(error)", zh: "JPG 文件已损坏。"))
            }
            if decoded.header.components == 3 && decoded.rgb == nil {
                let side = JPEGDecoder.maxDecodedSide
                throw PhotoFixRefusal(reason: LocalizedText(
                    en: "it is \(decoded.header.width) × \(decoded.header.height) pixels, larger than the \(side) × \(side) this tool decodes; export a smaller copy",
                    zh: "照片为 \(decoded.header.width) × \(decoded.header.height) 像素，超过本工具可处理的 \(side) × \(side)，请导出较小的副本"))
            }
            guard let rgb = decoded.rgb, decoded.header.components == 3 else {
                throw PhotoFixRefusal(reason: decoded.header.components == 1
                    ? LocalizedText(en: "it is a greyscale photo; a colour photo is required and colour cannot be added back", zh: "这是黑白照片，须提交彩色照片，无法还原颜色。")
                    : LocalizedText(en: "it is a CMYK (print) JPEG; export it as an RGB colour photo", zh: "这是 CMYK（印刷）格式的 JPG，请导出为 RGB 彩色照片。"))
            }
            image = RGBImage(width: decoded.width, height: decoded.height, pixels: rgb)
            let exif = EXIF.read(input)
            dateTaken = exif?.dateTimeOriginal
            if let o = exif?.orientation, (2...8).contains(o) {
                image = image.applyingOrientation(o)
                changes.append(LocalizedText(en: "turned upright (EXIF orientation \(o))", zh: "按 EXIF 方向（\(o)）转正"))
            }
            if let profile = JPEGInfo.read(input)?.iccDescription, !profile.lowercased().contains("srgb") {
                changes.append(LocalizedText(en: "colour profile \"\(profile)\" removed; colours were not converted and may shift slightly",
                                             zh: "移除色彩配置文件 \"\(profile)\"；颜色未转换，可能略有偏差"))
            }
        case .png:
            do {
                let decoded = try PNGImage.decodeRGB(input)
                image = RGBImage(width: decoded.width, height: decoded.height, pixels: decoded.rgb)
                changes.append(LocalizedText(en: "converted from PNG to JPEG", zh: "由 PNG 转换为 JPG"))
            } catch {
                throw PhotoFixRefusal(reason: LocalizedText(en: "the PNG is damaged: \(error)", zh: "PNG 文件已损坏。"))
            }
        case let other:
            throw PhotoFixRefusal(reason: LocalizedText(en: "it is \(other.displayName), not a photo (JPEG or PNG)", zh: "该文件为\(other.displayNameZH)，不是照片（JPG 或 PNG）。"))
        }

        if configuration.faceChecks.enabled, image.width * 10 >= limits.width * 9, image.height * 10 >= limits.height * 9 {
            let before = (image.width, image.height)
            let crop = try FaceFraming.crop(image, configuration: configuration)
            if (crop.x, crop.y, crop.width, crop.height) != (0, 0, image.width, image.height) {
                image = image.cropped(x: crop.x, y: crop.y, width: crop.width, height: crop.height)
                changes.append(LocalizedText(en: "cropped around the face from \(before.0) × \(before.1) to \(image.width) × \(image.height) (eyes centred, face and head top placed as the card standard asks)",
                                             zh: "以人脸为中心裁剪：\(before.0) × \(before.1) → \(image.width) × \(image.height)（双眼居中，脸宽与头顶位置符合制证标准）"))
            }
        } else if image.width * limits.height != image.height * limits.width {
            let before = (image.width, image.height)
            image = image.centreCrop(aspectWidth: limits.width, aspectHeight: limits.height).image
            changes.append(LocalizedText(en: "cropped around the centre from \(before.0) × \(before.1) to \(image.width) × \(image.height) (358:441)",
                                         zh: "以中心裁剪：\(before.0) × \(before.1) → \(image.width) × \(image.height)（358:441）"))
        }
        // Up to 10% enlargement stays sharp enough; more would blur the face.
        guard image.width * 10 >= limits.width * 9 else {
            throw PhotoFixRefusal(reason: LocalizedText(
                en: "it is too small: \(image.width) × \(image.height) after cropping, and \(limits.width) × \(limits.height) would need enlarging it more than 10%; take a photo with more pixels",
                zh: "照片过小：裁剪后为 \(image.width) × \(image.height)，放大到 \(limits.width) × \(limits.height) 超过 10%，请使用像素更高的照片"))
        }
        if image.width != limits.width || image.height != limits.height {
            let before = (image.width, image.height)
            image = image.resized(width: limits.width, height: limits.height)
            changes.append(LocalizedText(en: "resized from \(before.0) × \(before.1) to \(limits.width) × \(limits.height)",
                                         zh: "尺寸由 \(before.0) × \(before.1) 调整为 \(limits.width) × \(limits.height)"))
        }

        // The highest quality whose file fits the window.
        let encoder = JPEGEncoder()
        var chosen: (quality: Int, bytes: [UInt8])? = nil
        for quality in stride(from: 100, through: 30, by: -1) {
            guard let bytes = try? encoder.encode(image.pixels, width: image.width, height: image.height, quality: quality) else { continue }
            let size = bytes.count + (dateTaken == nil ? 0 : 200)
            if size <= limits.maxBytes {
                guard size >= limits.minBytes else { break }
                chosen = (quality, bytes)
                break
            }
        }
        guard let chosen else {
            throw PhotoFixRefusal(reason: LocalizedText(
                en: "no JPEG quality gives a file of \(limits.minBytes.grouped)–\(limits.maxBytes.grouped) bytes for this picture (it is too plain or too detailed); use another photo",
                zh: "任何 JPG 质量都无法使文件大小落在 \(limits.minBytes.grouped)–\(limits.maxBytes.grouped) 字节之间，请换一张照片"))
        }
        var jpeg = chosen.bytes
        if let dateTaken { jpeg = EXIF.inserting(into: jpeg, orientation: nil, dateTimeOriginal: dateTaken) }
        changes.append(LocalizedText(en: "saved as 24-bit colour JPEG at quality \(chosen.quality): \(jpeg.count.grouped) bytes; other metadata removed\(dateTaken == nil ? "" : ", date taken kept")",
                                     zh: "以质量 \(chosen.quality) 保存为 24 位彩色 JPG：\(jpeg.count.grouped) 字节；已移除其他元数据\(dateTaken == nil ? "" : "，保留拍摄日期")"))

        // Judge the result with the same rules as `precheck`.
        // Only the photo rules; recency is the employer's to judge (the date taken is kept as it was).
        let record = EmployeeRecord(row: 1, format: .csv, values: [.photo: "photo"])
        let subject = EmployeeSubject(record: record, photo: PhotoInspector(configuration: configuration).inspect(entry: "photo", bytes: jpeg))
        let context = RuleContext(processingDate: CalendarDate(year: 2026, month: 1, day: 1)!, configuration: configuration, bundle: "", rosterEntry: "")
        let remaining = RuleRegistry.run(RuleRegistry.photoRules, on: subject, in: context).filter { $0.rule != "photo.recency" }
        return PhotoFixResult(jpeg: jpeg, changes: changes, remaining: remaining)
    }
}
