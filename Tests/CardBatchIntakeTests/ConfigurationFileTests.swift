import CardBatchCore
import CardBatchIntake
import Testing

/// `--config` files are read strictly: every refusal names the file and the key, and nothing is
/// applied from a file with any problem.
struct ConfigurationFileTests {
    func problems(_ json: String) -> [String] {
        do {
            _ = try ConfigurationFile.decode(Array(json.utf8), file: "outlet.json")
            return []
        } catch {
            return error.description.split(separator: "\n").map(String.init)
        }
    }

    @Test func aPartialFileOverridesItsKeysAndKeepsEveryOtherDefault() throws {
        let c = try ConfigurationFile.decode(Array(#"{"photo": {"minBytes": 30000}, "photoChecks": {"minBackgroundLightness": 90}}"#.utf8), file: "f")
        var expected = Configuration()
        expected.photo.minBytes = 30_000
        expected.photoChecks.minBackgroundLightness = 90
        #expect(c == expected)
    }

    @Test func anEmptyObjectIsTheDefaults() throws {
        #expect(try ConfigurationFile.decode(Array("{}".utf8), file: "f") == Configuration())
    }

    @Test func aMisspeltKeyIsRefusedWithTheClosestKnownKey() {
        #expect(problems(#"{"photoChecks": {"minBackgroundLightnes": 99}}"#) == [
            "outlet.json: photoChecks.minBackgroundLightnes is not a configuration key; did you mean photoChecks.minBackgroundLightness?",
        ])
    }

    @Test func aKeyInTheWrongSectionOrAtTheTopIsRefusedPointingAtItsSection() {
        #expect(problems(#"{"photo": {"minSharpness": 30}, "minJPEGQuality": 60}"#) == [
            "outlet.json: minJPEGQuality is not a configuration key; did you mean photoChecks.minJPEGQuality?",
            "outlet.json: photo.minSharpness is not a configuration key; did you mean photoChecks.minSharpness?",
        ])
    }

    @Test func anUnknownSectionIsRefusedAndAStrangeKeyGetsNoSuggestion() {
        #expect(problems(#"{"photoCheck": {}, "colour": 3}"#) == [
            "outlet.json: colour is not a configuration key",
            "outlet.json: photoCheck is not a configuration key; did you mean photoChecks?",
        ])
    }

    @Test func wrongTypesAreRefusedNamingWhatWasExpected() {
        #expect(problems(#"{"photo": {"minBytes": "40K", "maxBytes": 10.5}, "archive": [], "employer": {"legacyCreditCodes": ["A", 7]}}"#) == [
            "outlet.json: archive must be an object of keys, not a list",
            "outlet.json: employer.legacyCreditCodes[1] must be a string, not 7",
            "outlet.json: photo.maxBytes must be a whole number, not 10.5",
            "outlet.json: photo.minBytes must be a whole number, not \"40K\"",
        ])
    }

    @Test func aWholeNumberIsAcceptedWhereTheDefaultHasAFraction() throws {
        #expect(try ConfigurationFile.decode(Array(#"{"photoChecks": {"maxBackgroundChroma": 9}}"#.utf8), file: "f").photoChecks.maxBackgroundChroma == 9)
    }

    @Test func negativeSizesAreRefused() {
        #expect(problems(#"{"archive": {"maxEntryBytes": -1, "ratioFloorBytes": -5}}"#) == [
            "outlet.json: archive.maxEntryBytes must be greater than 0 (it is -1)",
            "outlet.json: archive.ratioFloorBytes must not be negative (it is -5.0)",
        ])
    }

    @Test func aMinimumAboveItsMaximumIsRefused() {
        #expect(problems(#"{"photo": {"minBytes": 120000}}"#) == ["outlet.json: photo.minBytes (120000) is greater than photo.maxBytes (100000)"])
    }

    @Test func anUnparseablePatternIsRefused() {
        #expect(problems(#"{"identity": {"workPermitPattern": "[A-Z"}}"#) == [
            "outlet.json: identity.workPermitPattern is not a valid regular expression (\"[A-Z\")",
        ])
    }

    @Test func aFileThatIsNotAJSONObjectIsRefusedAsAWhole() {
        #expect(problems("[1, 2]") == ["outlet.json must be an object of keys, not a list"])
        #expect(problems("{\"photo\": ").first?.hasPrefix("outlet.json is not valid JSON") == true)
        #expect(problems("") .first?.hasPrefix("outlet.json is not valid JSON") == true)
    }

    @Test func everyKnownKeyIsASectionAndAName() {
        #expect(ConfigurationFile.knownKeys.contains("photoChecks.minBackgroundLightness"))
        #expect(ConfigurationFile.knownKeys.allSatisfy { $0.split(separator: ".").count == 2 })
    }
}
