/// A message in the two languages every report carries: English and Simplified Chinese.
public struct LocalizedText: Codable, Sendable, Hashable {
    public var en: String
    public var zh: String

    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }
}
