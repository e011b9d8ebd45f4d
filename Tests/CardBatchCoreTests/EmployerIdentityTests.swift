import CardBatchCore
import Testing

struct EmployerIdentityTests {
    @Test func aLegacyCreditCodeOnTheAllowListIsAdmitted() {
        let legacy = Example.bundle { $0.header[.employerCreditCode] = "310115000123456" }
        #expect(EmployerCreditCodeRule().check(legacy, in: .example).count == 1)
        var context = RuleContext.example
        context.configuration.employer.legacyCreditCodes = ["310115000123456"]
        #expect(EmployerCreditCodeRule().check(legacy, in: context).isEmpty)
    }

    @Test func aMinorDesignatedStaffMemberIsRefusedAndTheReasonNamesTheAge() {
        let minor = Example.bundle { $0.header[.staffIDNumber] = "11010120100307451" + String(CheckCharacters.mod11_2("11010120100307451")!) }
        let findings = EmployerStaffIDRule().check(minor, in: .example)
        #expect(findings.count == 1)
        #expect(findings[0].message.en.contains("is 16 on 2026-11-25"))
    }
}
