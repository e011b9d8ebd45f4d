/// Every threshold and limit an outlet may change without rebuilding. Defaults follow the issuance
/// process; a JSON file (`--config FILE`, read strictly by `ConfigurationFile`) overrides any subset
/// of keys, and keys it does not name keep their defaults. `cardbatch config` prints the effective
/// values. A new key is one property with its default here, its range in `problems` if it has one,
/// and a line in the README: the file reader learns it from the encoded defaults.
public struct Configuration: Sendable, Codable, Equatable {
    public var photo = PhotoLimits()
    public var archive = ArchiveLimits()
    public var roster = RosterLimits()
    public var output = OutputSettings()
    public var identity = IdentityRules()
    public var employer = EmployerRules()
    public var letter = LetterRules()
    public var photoChecks = PhotoCheckThresholds()
    public var faceChecks = FaceCheckThresholds()
    public var retention = RetentionSettings()

    public init() {}

    /// What is wrong with these values, each with its key; empty when they can be used.
    public var problems: [ConfigurationProblem] {
        var problems: [ConfigurationProblem] = []
        func refuse(_ key: String, _ message: String) { problems.append(ConfigurationProblem(key: key, message: message)) }
        let positive: [(String, Int)] = [
            ("photo.minBytes", photo.minBytes), ("photo.maxBytes", photo.maxBytes), ("photo.width", photo.width),
            ("photo.height", photo.height), ("archive.maxEntries", archive.maxEntries), ("archive.maxEntryBytes", archive.maxEntryBytes),
            ("archive.maxTotalBytes", archive.maxTotalBytes), ("archive.maxCompressionRatio", archive.maxCompressionRatio),
            ("archive.maxRosterBytes", archive.maxRosterBytes), ("archive.maxLetterBytes", archive.maxLetterBytes),
            ("roster.maxFieldLength", roster.maxFieldLength), ("roster.maxEmployees", roster.maxEmployees),
            ("identity.passportNumberMaxLength", identity.passportNumberMaxLength), ("identity.maxPrintedNameLength", identity.maxPrintedNameLength),
            ("letter.maxAgeMonths", letter.maxAgeMonths), ("letter.minShortSidePixels", letter.minShortSidePixels),
            ("retention.resultDays", retention.resultDays), ("retention.inboxDays", retention.inboxDays),
            ("letter.minLongSidePixels", letter.minLongSidePixels), ("photoChecks.maxAgeMonths", photoChecks.maxAgeMonths),
        ]
        for (key, value) in positive where value <= 0 { refuse(key, "must be greater than 0 (it is \(value))") }
        let notNegative: [(String, Double)] = [
            ("archive.ratioFloorBytes", Double(archive.ratioFloorBytes)), ("identity.passportExpiryWarningDays", Double(identity.passportExpiryWarningDays)),
            ("identity.minimumAge", Double(identity.minimumAge)), ("photoChecks.maxBackgroundChroma", photoChecks.maxBackgroundChroma),
            ("photoChecks.maxBackgroundSpread", photoChecks.maxBackgroundSpread), ("photoChecks.maxBackgroundGradient", photoChecks.maxBackgroundGradient),
            ("photoChecks.maxBorderContrast", photoChecks.maxBorderContrast), ("photoChecks.minSharpness", photoChecks.minSharpness),
            ("faceChecks.maxCentreOffset", faceChecks.maxCentreOffset), ("faceChecks.maxRoll", faceChecks.maxRoll),
            ("faceChecks.maxYaw", faceChecks.maxYaw), ("faceChecks.maxGrain", faceChecks.maxGrain),
            ("faceChecks.minClothingContrast", faceChecks.minClothingContrast), ("faceChecks.minHeadTop", faceChecks.minHeadTop),
        ]
        for (key, value) in notNegative where value < 0 { refuse(key, "must not be negative (it is \(value))") }
        let bounded: [(String, Double, ClosedRange<Double>)] = [
            ("photoChecks.minBackgroundLightness", photoChecks.minBackgroundLightness, 0...100),
            ("photoChecks.maxClippedDark", photoChecks.maxClippedDark, 0...1), ("photoChecks.maxClippedBright", photoChecks.maxClippedBright, 0...1),
            ("photoChecks.minJPEGQuality", Double(photoChecks.minJPEGQuality), 1...100),
            ("faceChecks.maxBlurRatio", faceChecks.maxBlurRatio, 0...1), ("faceChecks.pyramidLevels", Double(faceChecks.pyramidLevels), 0...12),
        ]
        for (key, value, range) in bounded where !range.contains(value) {
            refuse(key, "must be from \(range.lowerBound.formatted) to \(range.upperBound.formatted) (it is \(value.formatted))")
        }
        let ordered: [(String, Int, String, Int)] = [
            ("photo.minBytes", photo.minBytes, "photo.maxBytes", photo.maxBytes),
            ("letter.minShortSidePixels", letter.minShortSidePixels, "letter.minLongSidePixels", letter.minLongSidePixels),
            ("archive.maxEntryBytes", archive.maxEntryBytes, "archive.maxTotalBytes", archive.maxTotalBytes),
        ]
        for (low, lowValue, high, highValue) in ordered where lowValue > highValue {
            refuse(low, "(\(lowValue)) is greater than \(high) (\(highValue))")
        }
        let orderedFigures: [(String, Double, String, Double)] = [
            ("faceChecks.minFaceWidth", faceChecks.minFaceWidth, "faceChecks.maxFaceWidth", faceChecks.maxFaceWidth),
            ("faceChecks.minHeadTop", faceChecks.minHeadTop, "faceChecks.maxHeadTop", faceChecks.maxHeadTop),
            ("faceChecks.minEyeMidX", faceChecks.minEyeMidX, "faceChecks.maxEyeMidX", faceChecks.maxEyeMidX),
        ]
        for (low, lowValue, high, highValue) in orderedFigures where lowValue > highValue {
            refuse(low, "(\(lowValue.formatted)) is greater than \(high) (\(highValue.formatted))")
        }
        if faceChecks.enabled && faceChecks.modelPath.isEmpty { refuse("faceChecks.modelPath", "must name the landmark model's file") }
        for (key, months) in [("letter.maxAgeMonths", letter.maxAgeMonths), ("photoChecks.maxAgeMonths", photoChecks.maxAgeMonths)] where months > 1200 {
            refuse(key, "must be at most 1200 months (it is \(months))")
        }
        if (try? Regex(identity.workPermitPattern)) == nil {
            refuse("identity.workPermitPattern", "is not a valid regular expression (\"\(identity.workPermitPattern)\")")
        }
        for (i, code) in employer.legacyCreditCodes.enumerated() where code.isEmpty {
            refuse("employer.legacyCreditCodes[\(i)]", "must not be empty")
        }
        for (key, mode) in [("output.fileMode", output.fileMode), ("output.directoryMode", output.directoryMode)] {
            if UInt16(mode, radix: 8).map({ $0 > 0o777 }) ?? true { refuse(key, "must be an octal mode such as \"0600\" (it is \"\(mode)\")") }
        }
        if let bits = output.fileModeBits, bits & 0o600 != 0o600 { refuse("output.fileMode", "must let the owner read and write") }
        if let bits = output.directoryModeBits, bits & 0o700 != 0o700 { refuse("output.directoryMode", "must let the owner read, write and enter") }
        return problems
    }
}

/// Thresholds of the pixel checks, calibrated on the calibration set (`cardbatch-samples calibrate`):
/// every clean photo passes with a margin, and every kind of defect is caught.
public struct PhotoCheckThresholds: Sendable, Codable, Equatable {
    /// Background bands: mean CIE L* at least this, mean chroma at most this.
    public var minBackgroundLightness = 85.0
    public var maxBackgroundChroma = 8.0
    /// Background bands: spread of L* and difference between band sections at most these.
    public var maxBackgroundSpread = 7.2
    public var maxBackgroundGradient = 12.0
    /// A line along an edge may differ from the background inside it by at most this much L*.
    public var maxBorderContrast = 12.0
    /// Shares of the face that may be clipped black or white.
    public var maxClippedDark = 0.10
    public var maxClippedBright = 0.04
    /// Edge strength the face must reach (90th-percentile gradient at quarter size).
    public var minSharpness = 36.0
    /// "A recent (within 6 months) … photo": the EXIF date taken may be at most this old.
    public var maxAgeMonths = 6
    /// The lowest estimated JPEG quality accepted.
    public var minJPEGQuality = 50

    public init() {}

}

/// The face checks: the detector's model and the figures of the national technical requirements for
/// social security card digital photos (中华人民共和国社会保障卡制证用数字相片技术要求), stated for a
/// photo of `photo.width` × `photo.height` (358 × 441); pose, blur, grain and clothing thresholds are
/// calibrated on the calibration set's real faces (`cardbatch-samples calibrate`).
public struct FaceCheckThresholds: Sendable, Codable, Equatable {
    /// On: the face stage runs and the face rules judge its figures. Off: no face is searched for,
    /// the face rules do not run, and the outlet's eyes judge faces.
    public var enabled = true
    /// dlib's 5-point landmark model (`make deps` installs it here); its SHA-256 is checked at start-up.
    public var modelPath = FaceCheckThresholds.defaultModelPath
    public static let defaultModelPath = "/usr/local/share/cardbatch/models/shape_predictor_5_face_landmarks.dat"
    /// Levels of the detector's image pyramid on the half-size decode (each 5/6 of the one before, from
    /// faces of about 80 px there): enough for every face a compliant photo can hold. 0: every level.
    public var pyramidLevels = 5
    /// Face width, cheek to cheek where the ears join the face.
    public var minFaceWidth = 179.0
    public var maxFaceWidth = 255.0
    /// From the top edge to the top of the head, hair included.
    public var minHeadTop = 7.0
    public var maxHeadTop = 21.0
    /// From the left edge to the midpoint of the eye line.
    public var minEyeMidX = 162.0
    public var maxEyeMidX = 196.0
    /// The eye line at least this far above the bottom edge.
    public var minEyeLineFromBottom = 207.0
    /// "Horizontally centred": the face's centre at most this far from the photo's centre.
    public var maxCentreOffset = 18.0
    /// Pose: the eye line's tilt in degrees, and the yaw estimate (nose offset over eye distance).
    public var maxRoll = 8.0
    public var maxYaw = 0.2
    /// Blur: the face's Tenengrad ratio (σ 1.4 over σ 0.7 at half size, grain taken out) may be at most this.
    public var maxBlurRatio = 0.68
    /// Grain above this (σ in levels) gets a warning.
    public var maxGrain = 12.0
    /// The clothing below the chin must differ from the backdrop by at least this mean ΔE.
    public var minClothingContrast = 20.0

    public init() {}

}

/// What makes an authorization letter usable.
public struct LetterRules: Sendable, Codable, Equatable {
    /// A letter dated longer ago than this is refused.
    public var maxAgeMonths = 6
    /// A scan must be at least this many pixels on its shorter and on its longer side to be legible
    /// (an A4 page scanned at 75 dpi is 620 × 877).
    public var minShortSidePixels = 600
    public var minLongSidePixels = 800

    public init() {}

}

/// Exceptions for employers' registration codes.
public struct EmployerRules: Sendable, Codable, Equatable {
    /// Codes admitted although they fail the GB 32100 format or check character: registrations that
    /// predate the Unified Social Credit Code.
    public var legacyCreditCodes: [String] = []

    public init() {}

}

/// Thresholds and patterns of the identity rules.
public struct IdentityRules: Sendable, Codable, Equatable {
    /// Longest passport number accepted: 9 is the ICAO 9303 MRZ field; some states issue longer ones.
    public var passportNumberMaxLength = 9
    /// A passport expiring within this many days of the processing date gets a warning.
    public var passportExpiryWarningDays = 90
    /// Minimum age, in whole years on the processing date, of employees and the designated staff member.
    public var minimumAge = 18
    /// Longest "SURNAME GIVEN NAMES" the card can print.
    public var maxPrintedNameLength = 50
    /// Regular expression a work permit number must match as a whole.
    public var workPermitPattern = "[A-Za-z0-9]{8,24}"

    public init() {}

}

/// The photo specification of the issuance process, section (III).
public struct PhotoLimits: Sendable, Codable, Equatable {
    /// "Size: 40K–100K bytes". 40 K read as 40 × 1024 = 40,960 and 100 K read as 100,000 are the
    /// window that both the binary and the decimal reading accept; both edges are inclusive.
    public var minBytes = 40_960
    public var maxBytes = 100_000
    /// "Dimensions: 358 (width) × 441 (height) pixels".
    public var width = 358
    public var height = 441

    public init() {}

}

/// Caps that keep a hostile archive within bounded memory, disk and time. They are checked against
/// the declared sizes before anything is inflated and again against the bytes actually inflated.
public struct ArchiveLimits: Sendable, Codable, Equatable {
    public var maxEntries = 20_000
    public var maxEntryBytes = 32 * 1024 * 1024
    public var maxTotalBytes = 2 * 1024 * 1024 * 1024
    /// Uncompressed ÷ compressed size above which an entry is treated as a zip bomb, once it is
    /// larger than `ratioFloorBytes` (small files of repeated bytes compress legitimately well).
    public var maxCompressionRatio = 100
    public var ratioFloorBytes = 1024 * 1024
    /// The roster is read into memory to be parsed, so it has its own, smaller cap.
    public var maxRosterBytes = 16 * 1024 * 1024
    /// The authorization letter is read whole to identify it.
    public var maxLetterBytes = 20 * 1024 * 1024

    public init() {}

}

public struct RosterLimits: Sendable, Codable, Equatable {
    /// Longest value any roster field may hold, in characters.
    public var maxFieldLength = 200
    /// Most employees one bundle may list.
    public var maxEmployees = 10_000

    public init() {}

}

public struct OutputSettings: Sendable, Codable, Equatable {
    /// Permission bits of every file cardbatch writes, as an octal string. Owner-only by default,
    /// because outputs hold names and passport numbers.
    public var fileMode = "0600"
    public var directoryMode = "0700"

    public init() {}


    public var fileModeBits: UInt16? { UInt16(fileMode, radix: 8) }
    public var directoryModeBits: UInt16? { UInt16(directoryMode, radix: 8) }
}

/// How long personal data stays before `cardbatch purge` (or a watcher's `--purge-after`) removes it.
/// The ledger's keyed rows are not subject to it: duplicate detection needs them, and they name no one.
public struct RetentionSettings: Sendable, Codable, Equatable {
    /// Days a result folder (accepted photos and records, rejection reports, the bundle report) is kept.
    public var resultDays = 90
    /// Days an archived, rejected or quarantined bundle stays in the watcher's inbox.
    public var inboxDays = 30

    public init() {}
}

/// One thing wrong with a configuration: the key it is about (dotted, such as
/// `photoChecks.minBackgroundLightness`; empty for the file as a whole), what is wrong, and for an
/// unknown key the closest known one.
public struct ConfigurationProblem: Sendable, Equatable, CustomStringConvertible {
    public let key: String
    public let message: String
    public let suggestion: String?

    public init(key: String, message: String, suggestion: String? = nil) {
        self.key = key
        self.message = message
        self.suggestion = suggestion
    }

    public var description: String {
        (key.isEmpty ? "" : "\(key) ") + message + (suggestion.map { "; did you mean \($0)?" } ?? "")
    }
}

extension Double {
    /// 85, 0.5: no trailing ".0" for whole values.
    fileprivate var formatted: String { rounded() == self && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
