import CardBatchCore
import Testing

struct EmployeeRecordTests {
    static let values: [RosterField: String] = [
        .surname: "GARCÍA LÓPEZ", .givenNames: "", .chineseName: "马克莱", .sex: "F", .nationality: "ESP",
        .passportNumber: "19AB12345", .workPermitNumber: "FWP3100202611250001", .photo: "照片/garcía lópez 2026 (final).jpg",
    ]

    @Test func everyFieldReadsBackAsGivenWithMissingFieldsEmpty() {
        let record = EmployeeRecord(row: 7, line: 9, format: .csv, values: Self.values)
        for field in RosterField.allCases { #expect(record[field] == (Self.values[field] ?? ""), "\(field)") }
        #expect(record.fieldValues == RosterField.allCases.map { Self.values[$0] ?? "" })
    }

    @Test func settingOneFieldChangesThatFieldOnly() {
        var record = EmployeeRecord(row: 1, format: .xml, values: Self.values)
        record[.givenNames] = "MARÍA JOSÉ"
        record[.surname] = ""
        #expect(record[.givenNames] == "MARÍA JOSÉ")
        #expect(record[.surname] == "")
        for field in RosterField.allCases where field != .givenNames && field != .surname {
            #expect(record[field] == (Self.values[field] ?? ""), "\(field)")
        }
    }

    @Test func aFieldLongerThan65535BytesKeepsEveryByte() {
        let long = String(repeating: "长", count: 30_000)  // 90,000 bytes of UTF-8
        let record = EmployeeRecord(row: 1, format: .csv, values: [.surname: long, .givenNames: "X"])
        #expect(record[.surname] == long)
        #expect(record[.givenNames] == "X")
    }
}
