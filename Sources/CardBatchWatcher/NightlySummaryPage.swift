public import CardBatchCore
import CardBatchOutput
import Foundation

/// `summary-DATE.html` beside the text summary: the night's bundles for the outlet's staff, on one
/// self-contained page (styles inline, no script, no network), every name escaped by the typed HTML
/// builder. Quarantined bundles come first, then the totals, the most frequent rejection reasons, and
/// every bundle with its status, counts and a link to its reports. It holds no personal data: bundle
/// file names, counts and rule identifiers only.
public enum NightlySummaryPage {
    static let style = """
    body { font: 1rem/1.45 system-ui, "Noto Sans CJK SC", sans-serif; margin: 1.2rem; max-width: 70rem; color: #1a1a1a; }
    h1 { font-size: 1.4rem; margin: 0 0 .4rem; } h2 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; }
    .quarantine { border: .15rem solid #a4161a; border-radius: .4rem; padding: .5rem .9rem; }
    table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #c8c8c8; vertical-align: top; }
    td.n { text-align: right; font-variant-numeric: tabular-nums; } .status-rejected, .status-quarantined { color: #a4161a; font-weight: 600; }
    @media print { a { color: inherit; text-decoration: none; } }
    """

    public static func render(day: String, journeys: [Journey]) -> String {
        let finished = journeys.filter { [.done, .rejected, .quarantined].contains($0.state) }
        let quarantined = finished.filter { $0.state == .quarantined }
        let pending = journeys.filter { $0.state == .received || $0.state == .processing }
        var body: [HTML] = [.el("h1", text: "Nightly summary \(day) / 每日汇总 \(day)")]

        if !quarantined.isEmpty {
            body.append(.el("section", [("class", "quarantine"), ("aria-label", "Quarantined")], [
                .el("h2", text: "Quarantined: check by hand / 已隔离，请人工检查"),
                .el("ul", [], quarantined.map { j in
                    .el("li", [], [.el("strong", text: j.original), .text(" — \(j.rules). Note beside it: \(j.destination).txt")])
                }),
            ]))
        }

        let accepted = finished.reduce(0) { $0 + $1.accepted }, rejected = finished.reduce(0) { $0 + $1.rejected }
        body.append(.el("p", [("role", "status")], text: "\(finished.count) bundles handled, \(accepted) employees accepted, \(rejected) rejected. / 已处理 \(finished.count) 个压缩包，通过 \(accepted) 人，未通过 \(rejected) 人。"))

        let reasons = mostFrequentReasons(finished)
        if !reasons.isEmpty {
            body.append(.el("h2", text: "Most frequent reasons / 主要原因"))
            body.append(.el("ol", [], reasons.prefix(10).map { rule, count in
                .el("li", [], [.el("code", text: rule), .text(" — \(count) bundle\(count == 1 ? "" : "s"): " + (RuleRegistry.description(of: rule)?.title.en ?? ""))])
            }))
        }

        if !finished.isEmpty {
            let header: [HTML] = ["Bundle / 压缩包", "Status / 结果", "Employees", "Accepted", "Rejected", "Why / 原因", "Reports / 报告"]
                .map { .el("th", [("scope", "col")], text: $0) }
            let rows: [HTML] = finished.map { j in
                let status = j.state == .quarantined ? "quarantined" : j.outcome
                let reports: HTML = j.state == .quarantined ? .text("—")
                    : .el("a", [("href", "\(j.outputName)/\(ResultLayout.bundleReport)")], text: j.outputName)
                return .el("tr", [], [
                    .el("td", text: j.original),
                    .el("td", [("class", j.state == .done ? "status-done" : "status-\(j.state.rawValue)")], text: status),
                    .el("td", [("class", "n")], text: "\(j.employees)"), .el("td", [("class", "n")], text: "\(j.accepted)"),
                    .el("td", [("class", "n")], text: "\(j.rejected)"), .el("td", text: j.rules), .el("td", [], [reports]),
                ])
            }
            body.append(.el("h2", text: "Bundles / 压缩包"))
            body.append(.el("table", [], [.el("thead", [], [.el("tr", [], header)]), .el("tbody", [], rows)]))
        }
        if !pending.isEmpty {
            body.append(.el("h2", text: "Still in progress / 处理中"))
            body.append(.el("ul", [], pending.map { .el("li", text: "\($0.original) (attempt \($0.attempts))") }))
        }
        let page: HTML = .group([
            .raw("<!DOCTYPE html>\n"),
            .el("html", [("lang", "en")], [
                .el("head", [], [.el("meta", [("charset", "utf-8")]), .el("title", text: "cardbatch \(day)"), .el("style", [], [.raw(style)])]),
                .el("body", [], body),
            ]),
        ])
        return page.rendered + "\n"
    }

    /// Rule identifiers by the number of bundles they rejected anything in, most first.
    static func mostFrequentReasons(_ journeys: [Journey]) -> [(rule: String, count: Int)] {
        var counts: [String: Int] = [:]
        for journey in journeys where journey.state != .quarantined {
            for rule in journey.rules.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
                where RuleRegistry.description(of: rule) != nil {
                counts[rule, default: 0] += 1
            }
        }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, $0.value) }
    }
}
