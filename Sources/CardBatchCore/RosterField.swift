/// The roster formats a bundle may carry.
public enum RosterFormat: String, Codable, Sendable {
    case csv
    case xml
}

/// Every field of the roster contract. Both formats carry the same fields; each format spells the
/// name its own way, and findings use the spelling of the roster they point into.
public enum RosterField: String, CaseIterable, Codable, Sendable, Hashable {
    // Once per bundle.
    case employerName, employerCreditCode
    case staffName, staffIDType, staffIDNumber, staffPhone
    case letterFile, letterDate
    // Once per employee.
    case surname, givenNames, chineseName, sex, dateOfBirth, nationality
    case passportNumber, passportExpiry, workPermitNumber, workPermitExpiry, photo
    /// The passport's two machine-readable lines (TD3), optional.
    case mrzLine1, mrzLine2

    public static let bundleFields: [RosterField] = [
        .employerName, .employerCreditCode, .staffName, .staffIDType, .staffIDNumber, .staffPhone, .letterFile, .letterDate,
    ]
    public static let employeeFields: [RosterField] = [
        .surname, .givenNames, .chineseName, .sex, .dateOfBirth, .nationality,
        .passportNumber, .passportExpiry, .workPermitNumber, .workPermitExpiry, .photo, .mrzLine1, .mrzLine2,
    ]

    /// The field's position among all cases, for compact per-record storage.
    var slot: Int { RosterField.slots[self]! }
    private static let slots: [RosterField: Int] = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })

    public var isOptional: Bool { [.chineseName, .letterDate, .mrzLine1, .mrzLine2].contains(self) }

    /// Personal information of an employee or the designated staff member: never printed on a
    /// terminal or in a log (reports, owner-only, carry it).
    public var isPersonal: Bool {
        [.surname, .givenNames, .chineseName, .dateOfBirth, .passportNumber, .workPermitNumber, .mrzLine1, .mrzLine2,
         .staffName, .staffIDNumber, .staffPhone].contains(self)
    }

    /// The field a finding names, in either format's spelling.
    public init?(name: String) {
        guard let field = RosterField.allCases.first(where: { $0.csvColumn == name || $0.xmlName == name }) else { return nil }
        self = field
    }

    /// The CSV header column.
    public var csvColumn: String {
        switch self {
        case .employerName: "employer_name"
        case .employerCreditCode: "employer_credit_code"
        case .staffName: "staff_name"
        case .staffIDType: "staff_id_type"
        case .staffIDNumber: "staff_id_number"
        case .staffPhone: "staff_phone"
        case .letterFile: "letter_file"
        case .letterDate: "letter_date"
        case .surname: "surname"
        case .givenNames: "given_names"
        case .chineseName: "chinese_name"
        case .sex: "sex"
        case .dateOfBirth: "date_of_birth"
        case .nationality: "nationality"
        case .passportNumber: "passport_number"
        case .passportExpiry: "passport_expiry"
        case .workPermitNumber: "work_permit_number"
        case .workPermitExpiry: "work_permit_expiry"
        case .photo: "photo"
        case .mrzLine1: "mrz_line1"
        case .mrzLine2: "mrz_line2"
        }
    }

    /// The XML element (or attribute, after `@`), relative to `<roster>` for bundle fields and to
    /// `<employee>` for employee fields.
    public var xmlName: String {
        switch self {
        case .employerName: "employer/name"
        case .employerCreditCode: "employer/creditCode"
        case .staffName: "designatedStaff/name"
        case .staffIDType: "designatedStaff/idType"
        case .staffIDNumber: "designatedStaff/idNumber"
        case .staffPhone: "designatedStaff/phone"
        case .letterFile: "authorizationLetter/@file"
        case .letterDate: "authorizationLetter/@issued"
        case .surname: "surname"
        case .givenNames: "givenNames"
        case .chineseName: "chineseName"
        case .sex: "sex"
        case .dateOfBirth: "dateOfBirth"
        case .nationality: "nationality"
        case .passportNumber: "passportNumber"
        case .passportExpiry: "passportExpiry"
        case .workPermitNumber: "workPermitNumber"
        case .workPermitExpiry: "workPermitExpiry"
        case .photo: "photo"
        case .mrzLine1: "mrzLine1"
        case .mrzLine2: "mrzLine2"
        }
    }

    public func name(in format: RosterFormat) -> String {
        format == .csv ? csvColumn : xmlName
    }
}

/// The designated staff member's identity document types the roster accepts.
public enum StaffIDType: String, CaseIterable, Sendable {
    case residentIDCard = "resident-id-card"
    case permanentResidentIDCard = "permanent-resident-id-card"
    case passport = "passport"
}
