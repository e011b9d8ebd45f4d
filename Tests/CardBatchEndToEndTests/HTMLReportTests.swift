import CardBatchCore
import CardBatchOutput
import CardBatchSamples
import CardBatchTestSupport
import Foundation
import Testing

struct HTMLReportTests {
    @Test func userTextIsEscapedSoAScriptInANameStaysInert() throws {
        var rows = Fixtures.employees(2)
        rows[0][.surname] = "<script>alert(1)</script>"
        rows[0][.photo] = "photos/\"><img src=x onerror=alert(2)>.jpg"
        let dir = TemporaryDirectory()
        let path = try Fixtures.write(Fixtures.cleanBundle(rows), "evil.zip", in: dir)
        _ = try CardBatchBinary.run(["precheck", path, "--report", dir.file("r"), "--date", "2026-11-25"])
        let html = try String(contentsOfFile: dir.file("r/evil/report.html"), encoding: .utf8)
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<img src=x"))
        #expect(html.contains("&lt;SCRIPT&gt;ALERT(1)&lt;/SCRIPT&gt;"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;.jpg"))
    }

    @Test func theReportIsOneOwnerOnlyFileWithEmbeddedThumbnailsAndNoNetwork() throws {
        let dir = TemporaryDirectory()
        let run = try CardBatchBinary.run(["precheck", CardBatchBinary.root + "/samples/reject-photos.zip", "--report", dir.path, "--date", "2026-11-25", "--lang", "zh"])
        #expect(run.status == 1)
        let path = dir.file("reject-photos/report.html")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        // 8 employees; the PNG, the truncated JPEG and the missing photo give no picture: 5 thumbnails,
        // and 3 placeholders saying so.
        #expect(html.components(separatedBy: "data:image/jpeg;base64,").count - 1 == 5)
        #expect(html.components(separatedBy: "class=\"nophoto\"").count - 1 == 3)
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
        #expect(html.contains("id=\"lang-zh\" class=\"switch\" checked"))
        #expect(html.contains("break-inside: avoid"))
        let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue
        #expect(mode == 0o600)
        // The thumbnails went through one spill file that is gone: no file per thumbnail, nothing
        // hidden left behind, and the manifest lists only what was published.
        let published = try FileManager.default.subpathsOfDirectory(atPath: dir.file("reject-photos"))
        #expect(!published.contains { $0.hasSuffix(".jpg") || $0.contains("thumbnail") || $0.hasPrefix(".") }, "\(published)")
        let manifest = try String(contentsOfFile: dir.file("reject-photos/manifest.sha256"), encoding: .utf8)
        #expect(!manifest.contains("thumbnail") && !manifest.contains(".jpg"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).allSatisfy { !$0.hasPrefix(".") })
    }

    /// Renders the report of a rejection sample in headless Chromium (installed by `make deps`) and
    /// checks the page loaded with one card per employee, and that a screenshot was taken.
    @Test(.timeLimit(.minutes(2)))
    func theReportRendersInARealBrowserWithACardPerEmployee() throws {
        let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let chromium else {
            Issue.record("chromium is not installed; `make deps` installs it for this test")
            return
        }
        let dir = TemporaryDirectory()
        _ = try CardBatchBinary.run(["precheck", CardBatchBinary.root + "/samples/reject-fields.zip", "--report", dir.path, "--date", "2026-11-25"])
        let page = "file://" + dir.file("reject-fields/report.html")
        func browser(_ arguments: [String]) throws -> String {
            try Subprocess.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                          "--user-data-dir=" + dir.file("profile")] + arguments).stdout
        }
        let dom = try browser(["--dump-dom", page])
        #expect(dom.contains("</html>"))
        #expect(dom.components(separatedBy: "<article class=\"card").count - 1 == 10)
        _ = try browser(["--window-size=1000,1400", "--screenshot=" + dir.file("shot.png"), page])
        let png = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dir.file("shot.png"))))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 20_000)
    }
}
