import CardBatchCore
import Testing

struct CalendarDateTests {
    @Test(arguments: ["2026-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "26-01-01", "2026-1-01", "2026/01/01", "２０２６-01-01", ""])
    func rejectsTextThatIsNotARealISODay(_ text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test(arguments: ["2024-02-29", "2000-02-29", "1999-12-31", "2026-11-25"])
    func parsesRealDaysAndPrintsThemBack(_ text: String) {
        #expect(CalendarDate(iso: text)?.description == text)
    }

    @Test func centuryYearsAreLeapOnlyEveryFourHundredYears() {
        #expect(CalendarDate(iso: "1900-02-29") == nil)
        #expect(CalendarDate(iso: "2000-02-29") != nil)
    }

    @Test func comparesAndCountsDaysAcrossLeapYears() {
        let a = CalendarDate(iso: "2024-02-28")!, b = CalendarDate(iso: "2024-03-01")!
        #expect(a < b)
        #expect(a.days(until: b) == 2)
        #expect(CalendarDate(iso: "2025-01-01")!.days(until: CalendarDate(iso: "2026-01-01")!) == 365)
    }

    @Test func addingMonthsClampsToTheMonthsLastDay() {
        #expect(CalendarDate(iso: "2026-08-31")!.adding(months: -6).description == "2026-02-28")
        #expect(CalendarDate(iso: "2026-01-31")!.adding(months: 1).description == "2026-02-28")
        #expect(CalendarDate(iso: "2026-11-25")!.adding(months: 2).description == "2027-01-25")
    }

    @Test func wholeYearsCountsABirthdayOnlyOnceReached() {
        let birth = CalendarDate(iso: "2008-11-26")!
        #expect(birth.wholeYears(until: CalendarDate(iso: "2026-11-25")!) == 17)
        #expect(birth.wholeYears(until: CalendarDate(iso: "2026-11-26")!) == 18)
    }

    @Test func addingDaysStepsThroughMonthEndsLeapDaysAndCenturiesAndUndoesItself() {
        let start = CalendarDate(iso: "1999-12-31")!
        var date = start
        for step in 1...(366 * 4 + 400) {
            let next = date.adding(days: 1)
            #expect(date.days(until: next) == 1 && date < next, "\(date) + 1 = \(next)")
            #expect(start.adding(days: step) == next && next.adding(days: -step) == start)
            date = next
        }
        #expect(CalendarDate(iso: "2026-11-25")!.adding(days: 90).description == "2027-02-23")
        #expect(CalendarDate(iso: "2024-02-28")!.adding(days: 1).description == "2024-02-29")
        #expect(CalendarDate(iso: "2100-02-28")!.adding(days: 1).description == "2100-03-01")
    }
}
