/// A PDF letter opens without a password and is not encrypted.
public struct LetterEncryptedRule: Rule {
    public static let description = RuleDescription(
        identifier: "letter.encrypted", severity: .error, scope: .bundle,
        title: LocalizedText(en: "A PDF letter is not encrypted or password-protected", zh: "PDF 授权书不得加密或设密码"),
        rationale: "The outlet must be able to open, print and archive the letter; an encrypted PDF may not open at all, or not print."
    )
    public init() {}

    public func check(_ facts: BundleFacts, in context: RuleContext) -> [Finding] {
        guard let letter = facts.letter, letter.signature == .pdf, letter.isEncrypted else { return [] }
        return [Self.description.finding(
            at: Location(bundle: context.bundle, entry: letter.entry), value: "encrypted", expected: "not encrypted",
            en: "The authorization letter \"\(letter.entry)\" is an encrypted or password-protected PDF. Save it again without a password or restrictions.",
            zh: "授权书 \"\(letter.entry)\" 是加密或设有密码的 PDF。请去除密码和限制后重新保存。"
        )]
    }

    public static var examples: RuleExamples<BundleFacts> {
        RuleExamples(triggering: [Example.bundle { $0.letter?.isEncrypted = true }], passing: [Example.bundle])
    }
}

/// A PDF letter has at least one page.
public struct LetterPagesRule: Rule {
    public static let description = RuleDescription(
        identifier: "letter.pages", severity: .error, scope: .bundle,
        title: LocalizedText(en: "A PDF letter has at least one page", zh: "PDF 授权书至少有一页"),
        rationale: "A PDF whose page tree is empty shows nothing: the letter is missing from it."
    )
    public init() {}

    public func check(_ facts: BundleFacts, in context: RuleContext) -> [Finding] {
        guard let letter = facts.letter, letter.signature == .pdf, letter.pageCount == 0 else { return [] }
        return [Self.description.finding(
            at: Location(bundle: context.bundle, entry: letter.entry), value: "0 pages", expected: "at least 1 page",
            en: "The authorization letter \"\(letter.entry)\" is a PDF with no pages. Export the signed letter again.",
            zh: "授权书 \"\(letter.entry)\" 是没有页面的 PDF。请重新导出已签章的授权书。"
        )]
    }

    public static var examples: RuleExamples<BundleFacts> {
        RuleExamples(triggering: [Example.bundle { $0.letter?.pageCount = 0 }], passing: [Example.bundle, Example.bundle { $0.letter?.pageCount = 3 }])
    }
}

/// A scanned letter is large enough to read.
public struct LetterLegibilityRule: Rule {
    public static let description = RuleDescription(
        identifier: "letter.legibility", severity: .error, scope: .bundle,
        title: LocalizedText(en: "A scanned letter is large enough to read", zh: "授权书扫描件清晰可读（像素足够）"),
        rationale: "A letter scanned or photographed at a tiny size cannot be read or verified. Configured by letter.minShortSidePixels and letter.minLongSidePixels (defaults 600 and 800: an A4 page at 75 dpi)."
    )
    public init() {}

    public func check(_ facts: BundleFacts, in context: RuleContext) -> [Finding] {
        guard let letter = facts.letter, [.jpeg, .png].contains(letter.signature), let w = letter.width, let h = letter.height else { return [] }
        let limits = context.configuration.letter
        guard min(w, h) < limits.minShortSidePixels || max(w, h) < limits.minLongSidePixels else { return [] }
        return [Self.description.finding(
            at: Location(bundle: context.bundle, entry: letter.entry), value: "\(w) × \(h) pixels",
            expected: "at least \(limits.minShortSidePixels) × \(limits.minLongSidePixels) pixels",
            en: "The authorization letter \"\(letter.entry)\" is only \(w) × \(h) pixels; a legible scan is at least \(limits.minShortSidePixels) × \(limits.minLongSidePixels). Scan it again at 100 dpi or more.",
            zh: "授权书 \"\(letter.entry)\" 只有 \(w) × \(h) 像素，清晰的扫描件至少为 \(limits.minShortSidePixels) × \(limits.minLongSidePixels)。请以 100 dpi 以上重新扫描。"
        )]
    }

    public static var examples: RuleExamples<BundleFacts> {
        RuleExamples(
            triggering: [Example.bundle { $0.letter = LetterFacts(entry: "l.png", byteCount: 9_000, signature: .png, width: 320, height: 452) },
                         Example.bundle { $0.letter = LetterFacts(entry: "l.jpg", byteCount: 9_000, signature: .jpeg, width: 700, height: 700) }],
            passing: [Example.bundle, Example.bundle { $0.letter = LetterFacts(entry: "l.jpg", byteCount: 90_000, signature: .jpeg, width: 620, height: 877) }]
        )
    }
}

/// The letter's date of issue, when given, is neither in the future nor too old.
public struct LetterAgeRule: Rule {
    public static let description = RuleDescription(
        identifier: "letter.age", severity: .error, scope: .bundle,
        title: LocalizedText(en: "The letter is dated within the last 6 months, not in the future", zh: "授权书签发日期在 6 个月内且不晚于受理日"),
        rationale: "An authorization letter speaks for the employer at the time it is issued; an old letter may no longer reflect who is authorized, and a future date is a mistake. Configured by letter.maxAgeMonths."
    )
    public init() {}

    public func check(_ facts: BundleFacts, in context: RuleContext) -> [Finding] {
        guard let issued = CalendarDate(iso: facts.header[.letterDate]) else { return [] }
        let months = context.configuration.letter.maxAgeMonths
        let oldest = context.processingDate.adding(months: -months)
        let location = Location(bundle: context.bundle, entry: context.rosterEntry, line: facts.header.line)
        let name = RosterField.letterDate.name(in: facts.rosterFormat)
        if issued > context.processingDate {
            return [Self.description.finding(
                at: location, field: name, value: issued.description, expected: "on or before \(context.processingDate)",
                en: "\(name) \(issued) is in the future (processing date \(context.processingDate)). Give the date printed on the letter.",
                zh: "\(name) \(issued) 晚于受理日 \(context.processingDate)。请填写授权书上的签发日期。"
            )]
        }
        guard issued < oldest else { return [] }
        return [Self.description.finding(
            at: location, field: name, value: issued.description, expected: "on or after \(oldest)",
            en: "The authorization letter was issued on \(issued), more than \(months) months before \(context.processingDate). Ask the employer for a new letter.",
            zh: "授权书签发于 \(issued)，距受理日 \(context.processingDate) 已超过 \(months) 个月。请单位重新出具授权书。"
        )]
    }

    public static var examples: RuleExamples<BundleFacts> {
        RuleExamples(
            triggering: [Example.bundle { $0.header[.letterDate] = "2026-11-26" }, Example.bundle { $0.header[.letterDate] = "2026-05-24" }],
            passing: [Example.bundle, Example.bundle { $0.header[.letterDate] = "2026-05-25" }, Example.bundle { $0.header[.letterDate] = "" }]
        )
    }
}
