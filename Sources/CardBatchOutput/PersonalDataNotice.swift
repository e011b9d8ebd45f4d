public import CardBatchCore

/// What every rejection report and bundle report says about itself: that it holds personal
/// information, and how long it is kept (`retention.resultDays`, after which `cardbatch purge`
/// removes its folder).
public struct PersonalDataNotice: Codable, Sendable, Equatable {
    public var notice: LocalizedText
    public var retentionDays: Int
    /// The first day `cardbatch purge` with the configured retention may remove it (a folder is
    /// removed once older than the limit, counted from when it was written on the processing day).
    public var removedFrom: String

    public init(retentionDays: Int, processingDate: CalendarDate) {
        self.retentionDays = retentionDays
        removedFrom = processingDate.adding(days: retentionDays).description
        notice = LocalizedText(
            en: "Personal information: this report holds employees' names, passport numbers and other personal data. Share it only with the employer and the outlet; it is kept \(retentionDays) days after processing and removed on or after \(removedFrom).",
            zh: "个人信息：本报告含员工姓名、护照号码等个人信息，仅限用人单位和经办网点使用；自受理之日起保存 \(retentionDays) 天，\(removedFrom) 起删除。")
    }

    /// The text reports' two lines.
    public var lines: [String] { [notice.en, notice.zh] }
}
