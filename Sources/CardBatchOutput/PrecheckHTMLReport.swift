import CardBatchCore
import Foundation

/// Which language a report shows first.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case en, zh, both
}

/// `report.html` of `precheck`: one self-contained page (styles inline, thumbnails embedded, no
/// network, no script) an HR clerk can open from a USB stick, read at 200% zoom and print on A4.
public enum PrecheckHTMLReport {
    static let style = """
    :root { --ok: #1b6e3a; --fix: #a4161a; --warn: #8a5a00; --line: #c8c8c8; }
    * { box-sizing: border-box; }
    body { font-family: "Noto Sans", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 0; padding: 1rem; color: #1a1a1a; line-height: 1.45; }
    header, main, footer { max-width: 60rem; margin: 0 auto; }
    h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
    h2 { font-size: 1.1rem; margin: 0 0 .35rem; }
    .meta { color: #444; margin: 0 0 .5rem; }
    .verdict { font-size: 1.15rem; font-weight: bold; padding: .6rem .8rem; border-radius: .4rem; background: #f3f3f3; }
    .verdict.fix { border-left: .4rem solid var(--fix); } .verdict.ready { border-left: .4rem solid var(--ok); }
    .bundle-problems { border: .15rem solid var(--fix); border-radius: .4rem; padding: .6rem .9rem; margin: .8rem 0; }
    .controls { display: flex; flex-wrap: wrap; gap: .5rem 1.2rem; margin: .8rem 0; align-items: center; }
    .controls label { cursor: pointer; padding: .25rem .6rem; border: .1rem solid var(--line); border-radius: 1rem; }
    .switch { position: absolute; left: -100vw; }
    #lang-en:checked ~ * label[for=lang-en], #lang-zh:checked ~ * label[for=lang-zh], #lang-both:checked ~ * label[for=lang-both],
    #only-fix:checked ~ * label[for=only-fix] { background: #1a1a1a; color: #fff; }
    .switch:focus-visible ~ * .controls { outline: .15rem dashed #555; }
    #lang-en:checked ~ * .zh { display: none; } #lang-zh:checked ~ * .en { display: none; }
    #only-fix:checked ~ main .card.ready { display: none; }
    .card { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 1rem; border: .1rem solid var(--line); border-radius: .5rem; padding: .9rem; margin: .8rem 0; }
    .card.fix { border-left: .4rem solid var(--fix); } .card.ready { border-left: .4rem solid var(--ok); }
    .card img, .card .nophoto { width: 6rem; height: auto; aspect-ratio: 358 / 441; object-fit: cover; border: .05rem solid var(--line); background: #fafafa; }
    .card .nophoto { display: flex; align-items: center; justify-content: center; text-align: center; font-size: .8rem; color: #666; }
    .card .body { flex: 1 1 20rem; min-width: 0; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .2rem 0 .5rem; }
    dt { color: #555; } dd { margin: 0; }
    .status.ready { color: var(--ok); font-weight: bold; }
    ol.problems { margin: .3rem 0 0; padding-left: 1.3rem; }
    ol.problems li { margin-bottom: .55rem; }
    li.error::marker { color: var(--fix); } li.warning::marker { color: var(--warn); }
    .rule { font-family: ui-monospace, monospace; font-size: .85rem; color: #555; }
    .tag { font-size: .8rem; font-weight: bold; text-transform: uppercase; }
    li.error .tag { color: var(--fix); } li.warning .tag { color: var(--warn); }
    .detail, .howto { font-size: .9rem; color: #333; }
    .howto { margin-top: .15rem; }
    footer { margin-top: 1.5rem; font-size: .9rem; color: #444; border-top: .1rem solid var(--line); padding-top: .6rem; }
    @page { size: A4; margin: 12mm; }
    @media print {
      body { padding: 0; font-size: 10.5pt; }
      .controls, .switch { display: none !important; }
      .card { break-inside: avoid; page-break-inside: avoid; }
    }
    """

    /// Both languages, each marked so the page's switch can hide one.
    static func bilingual(_ text: LocalizedText, _ element: String = "span") -> HTML {
        .group([.el(element, [("class", "en"), ("lang", "en")], text: text.en), .text(" "), .el(element, [("class", "zh"), ("lang", "zh-CN")], text: text.zh)])
    }

    /// Writes the page. `thumbnail` gives the JPEG bytes of an employee's photo thumbnail, if any.
    public static func write(_ result: BundleResult, language: ReportLanguage, thumbnail: (EmployeeResult) -> [UInt8]?,
                             to sink: FileSink) throws(OutputError) {
        let ready = result.acceptedCount, fix = result.rejectedCount
        let bundleErrors = result.bundleFindings.filter { $0.severity == .error }
        var head = "<!DOCTYPE html>\n"
        head += "<html lang=\"\(language == .en ? "en" : "zh-CN")\"><head><meta charset=\"utf-8\">"
        head += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        head += HTML.el("title", text: "Pre-check \(result.bundleFile) / 预检报告").rendered
        head += "<style>\(style)</style></head><body>\n"
        try sink.write(head)

        var switches: [HTML] = []
        for lang in ReportLanguage.allCases {
            var attributes = [("type", "radio"), ("name", "lang"), ("id", "lang-\(lang.rawValue)"), ("class", "switch")]
            if lang == language { attributes.append(("checked", "")) }
            switches.append(.el("input", attributes))
        }
        switches.append(.el("input", [("type", "checkbox"), ("id", "only-fix"), ("class", "switch")]))
        try sink.write(HTML.group(switches).rendered + "\n")

        let verdict: LocalizedText = bundleErrors.isEmpty
            ? LocalizedText(en: "\(ready) ready, \(fix) to fix", zh: "\(ready) 名可以提交，\(fix) 名需修改")
            : LocalizedText(en: "The whole bundle is refused: fix the problems below first", zh: "整个压缩包被拒绝：请先解决以下问题")
        var header: [HTML] = [
            .el("h1", [], [bilingual(LocalizedText(en: "Pre-check of \(result.bundleFile)", zh: "预检报告：\(result.bundleFile)"))]),
            .el("p", [("class", "meta")], [bilingual(LocalizedText(
                en: "Processing date \(result.processingDate) · rule set \(RuleRegistry.ruleSetVersion) · cardbatch \(CardBatchVersion.tool)",
                zh: "受理日期 \(result.processingDate) · 规则版本 \(RuleRegistry.ruleSetVersion) · cardbatch \(CardBatchVersion.tool)"))]),
            .el("p", [("class", "verdict \(fix == 0 && bundleErrors.isEmpty ? "ready" : "fix")"), ("role", "status")], [bilingual(verdict)]),
        ]
        if !result.bundleFindings.isEmpty {
            header.append(.el("section", [("class", "bundle-problems"), ("aria-labelledby", "bundle-problems")], [
                .el("h2", [("id", "bundle-problems")], [bilingual(LocalizedText(en: "About the whole bundle", zh: "整个压缩包的问题"))]),
                .el("ol", [("class", "problems")], result.bundleFindings.sorted { ($0.severity, $0.rule) < ($1.severity, $1.rule) }.map(problem)),
            ]))
        }
        header.append(.el("nav", [("class", "controls"), ("aria-label", "Display")], [
            .el("label", [("for", "lang-both")], text: "English + 中文"),
            .el("label", [("for", "lang-en")], text: "English"),
            .el("label", [("for", "lang-zh")], text: "中文"),
            .el("label", [("for", "only-fix")], [bilingual(LocalizedText(en: "Only those to fix", zh: "只看需修改的"))]),
        ]))
        try sink.write(HTML.el("header", [], header).rendered + "\n<main>\n")

        for employee in result.employees {
            try sink.write(card(employee, thumbnail: thumbnail(employee)).rendered + "\n")
        }

        let footer = HTML.el("footer", [], [
            .el("h2", [], [bilingual(LocalizedText(en: "Left for the outlet's visual check", zh: "由受理点人工核验"))]),
            .el("ul", [], VisualCheck.items.map { .el("li", [], [bilingual($0)]) }),
            .el("p", [], [bilingual(LocalizedText(
                en: "This page holds personal data (names, passport details, photos). Keep it private and delete it once the bundle is submitted.",
                zh: "本页含个人信息（姓名、护照信息、照片），请妥善保管，提交后删除。"))]),
        ])
        try sink.write("</main>\n" + footer.rendered + "\n</body></html>\n")
    }

    static func card(_ e: EmployeeResult, thumbnail: [UInt8]?) -> HTML {
        let r = e.record
        let name = [r[.surname], r[.givenNames]].filter { !$0.isEmpty }.joined(separator: " ")
        let display = name.isEmpty ? "(no name)" : name
        let picture: HTML = thumbnail.map {
            .el("img", [("src", "data:image/jpeg;base64," + Data($0).base64EncodedString()),
                        ("alt", "Photo of \(display) as submitted / \(display) 提交的照片"), ("width", "89"), ("height", "110")])
        } ?? .el("div", [("class", "nophoto"), ("role", "img"), ("aria-label", "No usable photo / 无可用照片")], text: "No photo / 无照片")
        // Blocking problems first, then warnings.
        let problems = e.findings.sorted { ($0.severity, $0.rule) < ($1.severity, $1.rule) }
        var body: [HTML] = [
            .el("h2", [], [.text("Row \(r.row) / 第 \(r.row) 行: "), .text(display), .text(r[.chineseName].isEmpty ? "" : " (\(r[.chineseName]))")]),
            .el("dl", [], [
                .el("dt", [], [bilingual(LocalizedText(en: "Nationality", zh: "国籍"))]), .el("dd", [], text: r[.nationality]),
                .el("dt", [], [bilingual(LocalizedText(en: "Passport", zh: "护照"))]), .el("dd", [], text: Masking.passport(r[.passportNumber])),
                .el("dt", [], [bilingual(LocalizedText(en: "Photo file", zh: "照片文件"))]), .el("dd", [], text: r[.photo]),
            ]),
        ]
        if e.isAccepted {
            body.append(.el("p", [("class", "status ready")], [bilingual(LocalizedText(en: "Ready to submit", zh: "可以提交"))]))
        }
        if !problems.isEmpty { body.append(.el("ol", [("class", "problems")], problems.map(problem))) }
        return .el("article", [("class", "card \(e.isAccepted ? "ready" : "fix")"), ("aria-label", "Row \(r.row)")], [picture, .el("div", [("class", "body")], body)])
    }

    static func problem(_ f: Finding) -> HTML {
        var parts: [HTML] = [
            .el("span", [("class", "tag")], text: f.severity == .error ? "fix / 需修改 " : "note / 提示 "),
            bilingual(f.message),
            .text(" "), .el("span", [("class", "rule")], text: "[\(f.rule)]"),
        ]
        var detail: [String] = []
        if let value = f.value, !value.isEmpty { detail.append("found / 实际: \(value)") }
        if let expected = f.expected { detail.append("expected / 要求: \(expected)") }
        if !detail.isEmpty { parts.append(.el("div", [("class", "detail")], text: detail.joined(separator: " · "))) }
        if f.severity == .error, let hint = RuleRegistry.description(of: f.rule)?.fixHint { parts.append(.el("div", [("class", "howto")], [bilingual(hint)])) }
        return .el("li", [("class", f.severity.rawValue)], parts)
    }
}
