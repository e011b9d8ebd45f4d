/// Valid example values that rule examples start from and change one thing of.
public enum Example {
    public static let record = EmployeeRecord(row: 1, line: 2, format: .csv, values: [
        .surname: "MARTIN", .givenNames: "CLAIRE ANNE", .chineseName: "马克莱", .sex: "F",
        .dateOfBirth: "1988-04-12", .nationality: "FRA", .passportNumber: "19AB12345",
        .passportExpiry: "2031-06-30", .workPermitNumber: "FWP3100202611250001",
        .workPermitExpiry: "2027-12-31", .photo: "photos/martin.jpg",
    ])

    public static let photo: PhotoFacts = {
        var facts = PhotoFacts(entry: "photos/martin.jpg", byteCount: 61_234, signature: .jpeg,
                               jpeg: JPEGFacts(width: 358, height: 441, components: 3, colorspace: "YCbCr"))
        facts.exifDateTaken = "2026:10:03 14:12:55"
        return facts
    }()

    public static let employee = EmployeeSubject(record: record, photo: photo)

    /// Measurements of a clean photo, as the calibration set's clean portraits measure.
    public static let measurements = PhotoMeasurements(
        backgroundLightness: 98.8, backgroundChroma: 0.6, backgroundSpread: 0.5, backgroundGradient: 0.1,
        borderContrast: 0.3, clippedDark: 0, clippedBright: 0.01, sharpness: 70)

    /// What the face stage measures of a clean photo (a calibration-set control).
    public static let face = FaceMeasurements(
        faceCount: 1,
        geometry: FaceGeometry(faceWidth: 214, headTop: 14, eyeMidX: 179, eyeLineFromBottom: 246, centreOffset: 1.5,
                               roll: 0.8, yaw: 0.02, clothingContrast: 42),
        blurRatio: 0.45, grain: 4.2)

    /// The example employee whose photo's face stage measured `face`, changed by `change`.
    public static func faced(_ change: (inout FaceMeasurements) -> Void) -> EmployeeSubject {
        var m = face
        change(&m)
        return photo { $0.face = m }
    }

    /// The example employee whose photo's one face has `face.geometry`, changed by `change`.
    public static func posed(_ change: (inout FaceGeometry) -> Void) -> EmployeeSubject {
        faced { m in
            var g = m.geometry!
            change(&g)
            m.geometry = g
        }
    }

    /// The example employee whose photo measured `measurements`, changed by `change`.
    public static func measured(_ change: (inout PhotoMeasurements) -> Void) -> EmployeeSubject {
        var m = measurements
        change(&m)
        return photo { $0.measurements = m }
    }

    public static func employee(_ change: (inout EmployeeSubject) -> Void) -> EmployeeSubject {
        var subject = employee
        change(&subject)
        return subject
    }

    public static func employee(_ field: RosterField, _ value: String) -> EmployeeSubject {
        employee { $0.record[field] = value }
    }

    public static func photo(_ change: (inout PhotoFacts) -> Void) -> EmployeeSubject {
        employee { subject in
            var photo = Example.photo
            change(&photo)
            subject.photo = photo
        }
    }

    /// An archive entry as the central directory describes it, of an ordinary size unless given.
    public static func entry(_ name: String, nameEncoding: NameEncoding = .ascii, kind: EntryKind = .file, isEncrypted: Bool = false,
                             declaredSize: UInt64 = 61_234, compressedSize: UInt64 = 60_100) -> ArchiveEntryFacts {
        ArchiveEntryFacts(name: name, nameEncoding: nameEncoding, kind: kind, isEncrypted: isEncrypted,
                          declaredSize: declaredSize, compressedSize: compressedSize)
    }

    public static let header = RosterHeader(values: [
        .employerName: "Shanghai Lumen Optics Co., Ltd.", .employerCreditCode: "91310115MA1K4LXX3E",
        .staffName: "王芳", .staffIDType: "resident-id-card", .staffIDNumber: "110101199003074514",
        .staffPhone: "+86 21 5080 1234", .letterFile: "authorization.pdf", .letterDate: "2026-11-02",
    ], line: 2)

    public static let bundle = BundleFacts(
        rosterFormat: .csv, header: header, employeeCount: 20,
        letter: LetterFacts(entry: "authorization.pdf", byteCount: 1_800, signature: .pdf, pageCount: 1)
    )

    public static func bundle(_ change: (inout BundleFacts) -> Void) -> BundleFacts {
        var facts = bundle
        change(&facts)
        return facts
    }
}
