import CardBatchCore
import Testing

/// ICAO 9303 Part 4 specimen: ANNA MARIA ERIKSSON of Utopia.
struct MRZTests {
    let line1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
    let line2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10"

    @Test func checkDigitsOfTheICAOSpecimen() {
        #expect(MRZ.checkDigit("L898902C3") == "6")
        #expect(MRZ.checkDigit("740812") == "2")
        #expect(MRZ.checkDigit("120415") == "9")
        #expect(MRZ.checkDigit("ZE184226B<<<<<") == "1")
    }

    @Test func parsesTheSpecimenWithEveryCheckDigitRight() throws {
        let mrz = try MRZ(line1: line1, line2: line2)
        #expect(mrz.surname == "ERIKSSON")
        #expect(mrz.givenNames == "ANNA<MARIA")
        #expect(mrz.passportNumber == "L898902C3")
        #expect(mrz.nationality == "UTO")
        #expect(mrz.dateOfBirth == "740812" && mrz.sex == "F" && mrz.expiry == "120415")
        #expect(mrz.checkDigitFailures == [])
    }

    @Test func aMistypedCharacterFailsItsCheckDigitAndTheComposite() throws {
        var chars = Array(line2)
        chars[0] = "M"
        let failures = try MRZ(line1: line1, line2: String(chars)).checkDigitFailures.map(\.field)
        #expect(failures == ["passport number", "composite"])
    }

    @Test func composeWritesLinesThatParseBackWithValidCheckDigits() throws {
        let (a, b) = MRZ.compose(surname: "O'BRIEN", givenNames: "SEAN PATRICK", passportNumber: "PA123456", nationality: "D",
                                 dateOfBirth: "1990-01-31", sex: "M", expiry: "2030-12-01")
        let mrz = try MRZ(line1: a, line2: b)
        #expect(mrz.checkDigitFailures == [])
        #expect(mrz.surname == "OBRIEN" && mrz.givenNames == "SEAN<PATRICK" && mrz.nationality == "D")
        #expect(a.count == 44 && b.count == 44)
    }
}
