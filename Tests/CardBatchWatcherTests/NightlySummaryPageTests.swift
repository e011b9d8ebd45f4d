import CardBatchCore
import CardBatchTestSupport
import CardBatchWatcher
import Foundation
import Testing

/// `summary-DATE.html`: quarantined bundles first, the reasons that rejected the most bundles, every
/// bundle with a link to its reports; escaped, self-contained, and readable in a real browser.
struct NightlySummaryPageTests {
    func journey(_ name: String, _ state: JourneyState, outcome: String = "", accepted: Int = 0, rejected: Int = 0, rules: String = "") -> Journey {
        Journey(claim: "processing/h-1/\(name)", original: name, state: state, attempts: 1, outputName: (name as NSString).deletingPathExtension,
                receivedAt: "2026-11-25T22:00:00Z", updatedAt: "2026-11-25T22:05:00Z", outcome: outcome, employees: accepted + rejected,
                accepted: accepted, rejected: rejected, rules: rules, destination: "archive/\(name)")
    }

    var journeys: [Journey] {
        [journey("lumen.zip", .done, outcome: "partially-accepted", accepted: 20, rejected: 4, rules: "photo.file-size, employee.nationality"),
         journey("<script>alert(1)</script>.zip", .rejected, outcome: "bundle-rejected", rules: "zip.path"),
         journey("crashy.zip", .quarantined, outcome: "quarantined", rules: "started 3 times without finishing"),
         journey("other.zip", .done, outcome: "employees-rejected", rejected: 2, rules: "photo.file-size"),
         journey("late.zip", .processing)]
    }

    @Test func quarantinedBundlesComeFirstThenTheReasonsAndEveryBundleWithItsReports() {
        let page = NightlySummaryPage.render(day: "2026-11-25", journeys: journeys)
        let quarantine = try! #require(page.range(of: "crashy.zip"))
        let table = try! #require(page.range(of: "<table>"))
        #expect(quarantine.lowerBound < table.lowerBound)
        #expect(page.contains("4 bundles handled, 20 employees accepted, 6 rejected."))
        let reasons = try! #require(page.range(of: "Most frequent reasons"))
        let sizeReason = try! #require(page.range(of: "<code>photo.file-size</code> — 2 bundles"))
        #expect(reasons.lowerBound < sizeReason.lowerBound)
        #expect(page.contains("<a href=\"lumen/bundle-report.json\">lumen</a>"))
        #expect(page.contains("late.zip (attempt 1)"))
    }

    @Test func bundleNamesAreEscapedAndThePageNeedsNothingFromOutside() {
        let page = NightlySummaryPage.render(day: "2026-11-25", journeys: journeys)
        #expect(!page.contains("<script>"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;.zip"))
        #expect(!page.contains("http://") && !page.contains("https://") && !page.contains("<link"))
    }

    @Test(.timeLimit(.minutes(2)))
    func thePageRendersInARealBrowser() throws {
        let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let chromium else {
            Issue.record("chromium is not installed; `make test` installs it for this test")
            return
        }
        let dir = TemporaryDirectory()
        try Data(NightlySummaryPage.render(day: "2026-11-25", journeys: journeys).utf8).write(to: URL(fileURLWithPath: dir.file("summary.html")))
        let dom = try Subprocess.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + dir.file("profile"),
                                                "--dump-dom", "file://" + dir.file("summary.html")]).stdout
        #expect(dom.contains("</html>"))
        #expect(dom.components(separatedBy: "<tr>").count - 1 == 5, "a header row and four bundles")
    }
}
