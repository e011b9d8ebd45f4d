extension RuleRegistry {
    /// Examples for the rules detected while reading bytes, which have no subject to run on.
    static let detectedExamples: [String: LocalizedText] = [
        "bundle.unreadable": LocalizedText(en: "bundle.zip cannot be opened as a ZIP file (Not a zip archive). Submit a .zip made by your system's \"compress\" command, not RAR or 7z.",
                                           zh: "bundle.zip 无法作为 ZIP 压缩包打开。请用系统自带的“压缩”功能制作 .zip 文件，不要使用 RAR 或 7z。"),
        "roster.encoding": LocalizedText(en: "roster.csv cannot be read: the file is UTF-16 (\"Unicode text\"); save it as \"CSV UTF-8\".",
                                         zh: "roster.csv 无法读取：编码须为 UTF-8 或 GB18030（请另存为“CSV UTF-8”）。"),
        "roster.syntax": LocalizedText(en: "roster.csv line 3 is not valid CSV: a quoted field opened on this line is never closed.",
                                       zh: "roster.csv 第 3 行不是有效的 CSV：引号使用有误。"),
        "roster.schema": LocalizedText(en: "roster.xml line 19: Element 'gender': This element is not expected. Expected is one of ( sex, dateOfBirth, … ).",
                                       zh: "roster.xml 第 19 行：不符合 roster.xsd（不应出现元素 gender）。"),
        "roster.dtd": LocalizedText(en: "roster.xml line 2 declares a DOCTYPE or entity. Rosters must not contain DTDs or entities; remove the declaration.",
                                    zh: "roster.xml 第 2 行含 DOCTYPE 或实体声明。名册不得包含 DTD 或实体，请删除。"),
        "roster.employer-inconsistent": LocalizedText(en: "roster.csv line 4: employer_name \"Beijing Other Trading Co., Ltd.\" differs from the first row (\"Shanghai Lumen Optics Co., Ltd.\").",
                                                      zh: "roster.csv 第 4 行：employer_name 与第一行不一致。一个压缩包只能对应一家单位。"),
        "roster.too-large": LocalizedText(en: "The roster roster.csv is 40000000 bytes; at most 16777216 bytes are accepted.",
                                          zh: "名册 roster.csv 为 40000000 字节，上限为 16777216 字节。"),
    ]

    /// A message the rule gives: for a checked rule, what it says of its own first triggering example.
    public static func exampleMessage(for identifier: String) -> LocalizedText? {
        if let text = detectedExamples[identifier] { return text }
        func first<S>(_ rules: [any Rule<S>]) -> LocalizedText? {
            for rule in rules where type(of: rule).description.identifier == identifier {
                return exampleMessage(of: rule)
            }
            return nil
        }
        let candidates: [() -> LocalizedText?] = [
            { first(entryCountRules) }, { first(archiveEntryRules) }, { first(archiveRules) }, { first(inflationRules) },
            { first(layoutRules) }, { first(bundleRules) }, { first(employeeRules) }, { first(rosterRules) },
            { first(photoRosterRules) }, { first(ledgerRules) }, { first(bundleRejectionRules) },
        ]
        for candidate in candidates {
            if let text = candidate() { return text }
        }
        return nil
    }

    static func exampleMessage<R: Rule>(of rule: R) -> LocalizedText? {
        R.examples.triggering.first.flatMap { rule.check($0, in: .example).first?.message }
    }
}
