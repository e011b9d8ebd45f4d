/// A calendar day with no time and no time zone: what passports and permits print. Parsing is strict
/// ISO 8601 `YYYY-MM-DD`, and only real days parse (no 31 April, 29 February only in leap years).
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` exactly: ten characters, ASCII digits, a real day.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for b in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) else { return nil }
                value = value * 10 + Int(b - UInt8(ascii: "0"))
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Days since 0000-03-01 in the proleptic Gregorian calendar; differences are exact day counts.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let m = month <= 2 ? month + 9 : month - 3
        return 365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + day - 1
    }

    public func days(until other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    /// The date `days` later (or earlier): `dayNumber` inverted.
    public func adding(days: Int) -> CalendarDate {
        let n = dayNumber + days
        var y = (10_000 * n + 14_780) / 3_652_425
        var dayOfYear = n - (365 * y + y / 4 - y / 100 + y / 400)
        if dayOfYear < 0 {
            y -= 1
            dayOfYear = n - (365 * y + y / 4 - y / 100 + y / 400)
        }
        let m = (100 * dayOfYear + 52) / 3_060
        return CalendarDate(year: y + (m + 2) / 12, month: (m + 2) % 12 + 1, day: dayOfYear - (m * 306 + 5) / 10 + 1)!
    }

    /// The same day `months` later (or earlier), clamped to the month's last day (31 Aug − 6 months
    /// is 28 or 29 Feb).
    public func adding(months: Int) -> CalendarDate {
        let total = year * 12 + (month - 1) + months
        let y = total / 12
        let m = total % 12 + 1
        return CalendarDate(year: y, month: m, day: min(day, CalendarDate.daysIn(month: m, year: y)))!
    }

    /// Whole years from `self` to `date` (an age on a date).
    public func wholeYears(until date: CalendarDate) -> Int {
        var years = date.year - year
        if (date.month, date.day) < (month, day) { years -= 1 }
        return years
    }
}
