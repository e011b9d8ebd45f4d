import CardBatchCore
import Testing

struct FindingTests {
    @Test func compilerStyleNamesBundleEntryLineSeverityAndRule() {
        let f = PhotoDimensionsRule().check(Example.photo { $0.jpeg?.width = 400 }, in: .example)[0]
        #expect(f.compilerStyle == "example.zip:roster.csv:2: error: [photo.dimensions] photo: 400 × 441, expected 358 × 441")
        #expect(f.value == "400 × 441")
        #expect(f.expected == "358 × 441")
        #expect(f.field == "photo")
    }

    @Test func fieldNamesFollowTheRostersOwnFormat() {
        var subject = Example.employee(.passportNumber, "AB 12")
        #expect(EmployeePassportNumberRule().check(subject, in: .example)[0].field == "passport_number")
        subject.record.format = .xml
        #expect(EmployeePassportNumberRule().check(subject, in: .example)[0].field == "passportNumber")
    }

    @Test func sortingPutsPlacesInOrderAndErrorsBeforeWarnings() {
        let line3 = Location(bundle: "x", entry: "r", line: 3)
        let error = EmployeeSexRule.description.finding(at: line3, en: "e", zh: "e")
        let warning = BundleUnreferencedFileRule.description.finding(at: line3, en: "w", zh: "w")
        let earlier = BundleUnreferencedFileRule.description.finding(at: Location(bundle: "x", entry: "r", line: 2), en: "w", zh: "w")
        #expect([warning, error, earlier].sorted().map(\.message.en) == ["w", "e", "w"])
        #expect([warning, error, earlier].sorted()[0].location.line == 2)
    }

    @Test func maskingKeepsOnlyTheLastTwoPassportCharactersAndNameInitials() {
        #expect(Masking.passport("E12345678") == "*******78")
        #expect(Masking.passport("AB") == "**")
        #expect(Masking.name("CLAIRE ANNE") == "C***** A***")
    }

    /// A personal field's value never reaches the one-line form: a passport number is masked, a
    /// name withheld, and where the rule expects roster data (the MRZ's reading), the expected value too.
    @Test func theSummaryMasksPassportNumbersAndWithholdsOtherPersonalData() throws {
        let passport = EmployeePassportNumberRule().check(Example.employee(.passportNumber, "19AB-12345"), in: .example)[0]
        #expect(passport.summary == "passport_number: ********45, expected only A–Z and 0–9")
        let letters = EmployeePassportNumberRule().check(Example.employee(.passportNumber, "ABCDEFGHIJK"), in: .example)
        #expect(letters.allSatisfy { !$0.summary.contains("ABCDEFGHI") }, "\(letters.map(\.summary))")
        let name = EmployeeNameRule().check(Example.employee(.surname, "MÜLLER"), in: .example)[0]
        #expect(name.summary == "surname: (withheld), expected letters A–Z, space, hyphen, apostrophe")
        let mrz = EmployeeMRZRule.examples.triggering.flatMap { EmployeeMRZRule().check($0, in: .example) }.filter { $0.field == "passport_number" }
        #expect(!mrz.isEmpty)
        for finding in mrz { #expect(finding.summary.firstMatch(of: /[A-Z0-9]{6,}/) == nil, "\(finding.summary)") }
    }
}
