public import CardBatchCore
import Foundation

extension CalendarDate {
    /// Today in the machine's time zone: the processing date when none is given.
    public static func today() -> CalendarDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
