import CardBatchSamples
import CardBatchTestSupport
import Foundation
import Testing

/// The guides under docs/: every picture and page they link to exists, and the photo examples are
/// exactly what their generator paints (`make docs` regenerates them).
struct DocumentationTests {
    let docs = "\(CardBatchBinary.root)/docs"

    @Test func everyLocalLinkOfTheGuidesExists() throws {
        for page in ["employer.zh.md", "employer.en.md", "operator.md", "development.md"] {
            let text = try String(contentsOfFile: "\(docs)/\(page)", encoding: .utf8)
            let targets = text.matches(of: /\]\(([^)#:]+)(?:#[^)]*)?\)/).map { String($0.1) }
            #expect(!targets.isEmpty, "\(page)")
            for target in targets {
                #expect(FileManager.default.fileExists(atPath: "\(docs)/\(target)"), "\(page) links to \(target)")
            }
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func thePhotoExamplesAreWhatTheGeneratorPaints() throws {
        for (name, bytes) in DocumentationImages.all() {
            let committed = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(docs)/images/\(name)")))
            #expect(committed == bytes, "docs/images/\(name) differs: run `make docs`")
        }
    }
}
