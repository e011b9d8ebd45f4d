/// Every threshold and limit an outlet may change without rebuilding. Defaults follow the issuance
/// process; a JSON file (`--config FILE`) overrides any subset of keys, and keys it does not name keep
/// their defaults. `cardbatch config` prints the effective values.
public struct Configuration: Sendable, Codable, Equatable {
    public var photo = PhotoLimits()
    public var archive = ArchiveLimits()
    public var roster = RosterLimits()
    public var output = OutputSettings()
    public var identity = IdentityRules()
    public var employer = EmployerRules()
    public var letter = LetterRules()
    public var photoChecks = PhotoCheckThresholds()

    public init() {}

    /// What is wrong with these values, one sentence each; empty when they can be used.
    public var problems: [String] {
        var problems: [String] = []
        let positive: [(String, Int)] = [
            ("photo.minBytes", photo.minBytes), ("photo.maxBytes", photo.maxBytes), ("photo.width", photo.width),
            ("photo.height", photo.height), ("archive.maxEntries", archive.maxEntries), ("archive.maxEntryBytes", archive.maxEntryBytes),
            ("archive.maxTotalBytes", archive.maxTotalBytes), ("archive.maxCompressionRatio", archive.maxCompressionRatio),
            ("archive.maxRosterBytes", archive.maxRosterBytes), ("archive.maxLetterBytes", archive.maxLetterBytes),
            ("roster.maxFieldLength", roster.maxFieldLength), ("roster.maxEmployees", roster.maxEmployees),
            ("identity.passportNumberMaxLength", identity.passportNumberMaxLength), ("identity.maxPrintedNameLength", identity.maxPrintedNameLength),
            ("letter.maxAgeMonths", letter.maxAgeMonths), ("photoChecks.maxAgeMonths", photoChecks.maxAgeMonths),
        ]
        for (key, value) in positive where value <= 0 { problems.append("\(key) must be greater than 0 (it is \(value))") }
        if photo.minBytes > photo.maxBytes { problems.append("photo.minBytes (\(photo.minBytes)) is greater than photo.maxBytes (\(photo.maxBytes))") }
        for (key, months) in [("letter.maxAgeMonths", letter.maxAgeMonths), ("photoChecks.maxAgeMonths", photoChecks.maxAgeMonths)] where months > 1200 {
            problems.append("\(key) must be at most 1200 months (it is \(months))")
        }
        if identity.passportExpiryWarningDays < 0 { problems.append("identity.passportExpiryWarningDays must not be negative") }
        if identity.minimumAge < 0 { problems.append("identity.minimumAge must not be negative") }
        if (try? Regex(identity.workPermitPattern)) == nil {
            problems.append("identity.workPermitPattern is not a valid regular expression (\"\(identity.workPermitPattern)\")")
        }
        if archive.ratioFloorBytes < 0 { problems.append("archive.ratioFloorBytes must not be negative") }
        for (key, mode) in [("output.fileMode", output.fileMode), ("output.directoryMode", output.directoryMode)] {
            if UInt16(mode, radix: 8).map({ $0 > 0o777 }) ?? true { problems.append("\(key) must be an octal mode such as \"0600\" (it is \"\(mode)\")") }
        }
        if let bits = output.fileModeBits, bits & 0o600 != 0o600 { problems.append("output.fileMode must let the owner read and write") }
        if let bits = output.directoryModeBits, bits & 0o700 != 0o700 { problems.append("output.directoryMode must let the owner read, write and enter") }
        return problems
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        photo = try c.decodeIfPresent(PhotoLimits.self, forKey: .photo) ?? PhotoLimits()
        archive = try c.decodeIfPresent(ArchiveLimits.self, forKey: .archive) ?? ArchiveLimits()
        roster = try c.decodeIfPresent(RosterLimits.self, forKey: .roster) ?? RosterLimits()
        output = try c.decodeIfPresent(OutputSettings.self, forKey: .output) ?? OutputSettings()
        identity = try c.decodeIfPresent(IdentityRules.self, forKey: .identity) ?? IdentityRules()
        employer = try c.decodeIfPresent(EmployerRules.self, forKey: .employer) ?? EmployerRules()
        letter = try c.decodeIfPresent(LetterRules.self, forKey: .letter) ?? LetterRules()
        photoChecks = try c.decodeIfPresent(PhotoCheckThresholds.self, forKey: .photoChecks) ?? PhotoCheckThresholds()
    }
}

/// Thresholds of the pixel checks, calibrated on the calibration set (`cardbatch-samples calibrate`):
/// every clean photo passes with a margin, and every kind of defect is caught.
public struct PhotoCheckThresholds: Sendable, Codable, Equatable {
    /// Background bands: mean CIE L* at least this, mean chroma at most this.
    public var minBackgroundLightness = 85.0
    public var maxBackgroundChroma = 8.0
    /// Background bands: spread of L* and difference between band sections at most these.
    public var maxBackgroundSpread = 4.0
    public var maxBackgroundGradient = 6.0
    /// A line along an edge may differ from the background inside it by at most this much L*.
    public var maxBorderContrast = 8.0
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

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = PhotoCheckThresholds()
        minBackgroundLightness = try c.decodeIfPresent(Double.self, forKey: .minBackgroundLightness) ?? d.minBackgroundLightness
        maxBackgroundChroma = try c.decodeIfPresent(Double.self, forKey: .maxBackgroundChroma) ?? d.maxBackgroundChroma
        maxBackgroundSpread = try c.decodeIfPresent(Double.self, forKey: .maxBackgroundSpread) ?? d.maxBackgroundSpread
        maxBackgroundGradient = try c.decodeIfPresent(Double.self, forKey: .maxBackgroundGradient) ?? d.maxBackgroundGradient
        maxBorderContrast = try c.decodeIfPresent(Double.self, forKey: .maxBorderContrast) ?? d.maxBorderContrast
        maxClippedDark = try c.decodeIfPresent(Double.self, forKey: .maxClippedDark) ?? d.maxClippedDark
        maxClippedBright = try c.decodeIfPresent(Double.self, forKey: .maxClippedBright) ?? d.maxClippedBright
        minSharpness = try c.decodeIfPresent(Double.self, forKey: .minSharpness) ?? d.minSharpness
        maxAgeMonths = try c.decodeIfPresent(Int.self, forKey: .maxAgeMonths) ?? d.maxAgeMonths
        minJPEGQuality = try c.decodeIfPresent(Int.self, forKey: .minJPEGQuality) ?? d.minJPEGQuality
    }
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

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = LetterRules()
        maxAgeMonths = try c.decodeIfPresent(Int.self, forKey: .maxAgeMonths) ?? d.maxAgeMonths
        minShortSidePixels = try c.decodeIfPresent(Int.self, forKey: .minShortSidePixels) ?? d.minShortSidePixels
        minLongSidePixels = try c.decodeIfPresent(Int.self, forKey: .minLongSidePixels) ?? d.minLongSidePixels
    }
}

/// Exceptions for employers' registration codes.
public struct EmployerRules: Sendable, Codable, Equatable {
    /// Codes admitted although they fail the GB 32100 format or check character: registrations that
    /// predate the Unified Social Credit Code.
    public var legacyCreditCodes: [String] = []

    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        legacyCreditCodes = try c.decodeIfPresent([String].self, forKey: .legacyCreditCodes) ?? []
    }
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

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = IdentityRules()
        passportNumberMaxLength = try c.decodeIfPresent(Int.self, forKey: .passportNumberMaxLength) ?? d.passportNumberMaxLength
        passportExpiryWarningDays = try c.decodeIfPresent(Int.self, forKey: .passportExpiryWarningDays) ?? d.passportExpiryWarningDays
        minimumAge = try c.decodeIfPresent(Int.self, forKey: .minimumAge) ?? d.minimumAge
        maxPrintedNameLength = try c.decodeIfPresent(Int.self, forKey: .maxPrintedNameLength) ?? d.maxPrintedNameLength
        workPermitPattern = try c.decodeIfPresent(String.self, forKey: .workPermitPattern) ?? d.workPermitPattern
    }
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

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = PhotoLimits()
        minBytes = try c.decodeIfPresent(Int.self, forKey: .minBytes) ?? d.minBytes
        maxBytes = try c.decodeIfPresent(Int.self, forKey: .maxBytes) ?? d.maxBytes
        width = try c.decodeIfPresent(Int.self, forKey: .width) ?? d.width
        height = try c.decodeIfPresent(Int.self, forKey: .height) ?? d.height
    }
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

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ArchiveLimits()
        maxEntries = try c.decodeIfPresent(Int.self, forKey: .maxEntries) ?? d.maxEntries
        maxEntryBytes = try c.decodeIfPresent(Int.self, forKey: .maxEntryBytes) ?? d.maxEntryBytes
        maxTotalBytes = try c.decodeIfPresent(Int.self, forKey: .maxTotalBytes) ?? d.maxTotalBytes
        maxCompressionRatio = try c.decodeIfPresent(Int.self, forKey: .maxCompressionRatio) ?? d.maxCompressionRatio
        ratioFloorBytes = try c.decodeIfPresent(Int.self, forKey: .ratioFloorBytes) ?? d.ratioFloorBytes
        maxRosterBytes = try c.decodeIfPresent(Int.self, forKey: .maxRosterBytes) ?? d.maxRosterBytes
        maxLetterBytes = try c.decodeIfPresent(Int.self, forKey: .maxLetterBytes) ?? d.maxLetterBytes
    }
}

public struct RosterLimits: Sendable, Codable, Equatable {
    /// Longest value any roster field may hold, in characters.
    public var maxFieldLength = 200
    /// Most employees one bundle may list.
    public var maxEmployees = 10_000

    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = RosterLimits()
        maxFieldLength = try c.decodeIfPresent(Int.self, forKey: .maxFieldLength) ?? d.maxFieldLength
        maxEmployees = try c.decodeIfPresent(Int.self, forKey: .maxEmployees) ?? d.maxEmployees
    }
}

public struct OutputSettings: Sendable, Codable, Equatable {
    /// Permission bits of every file cardbatch writes, as an octal string. Owner-only by default,
    /// because outputs hold names and passport numbers.
    public var fileMode = "0600"
    public var directoryMode = "0700"

    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = OutputSettings()
        fileMode = try c.decodeIfPresent(String.self, forKey: .fileMode) ?? d.fileMode
        directoryMode = try c.decodeIfPresent(String.self, forKey: .directoryMode) ?? d.directoryMode
    }

    public var fileModeBits: UInt16? { UInt16(fileMode, radix: 8) }
    public var directoryModeBits: UInt16? { UInt16(directoryMode, radix: 8) }
}
