import CardBatchCore
import CardBatchNative
import CardBatchOutput
import CardBatchSamples
import CardBatchTestSupport
import Foundation
import Testing

/// The built `cardbatch` binary, run as a user runs it.
struct BinaryTests {
    let samples = CardBatchBinary.root + "/samples"

    func sampleBundles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: samples).filter { $0.hasSuffix(".zip") }.sorted().map { "\(samples)/\($0)" }
    }

    @Test func everySampleIsJudgedAsSamplesExpectedSays() throws {
        let out = TemporaryDirectory()
        let run = try CardBatchBinary.run(["process"] + sampleBundles() + ["--out", out.path, "--date", "2026-11-25"])
        #expect(run.status == 2, "a bundle is rejected as a whole, so the batch exits 2")
        let (checked, mismatches) = try SampleVerifier.verify(samples: samples, output: out.path)
        #expect(checked == (try sampleBundles()).count)
        #expect(mismatches.map(\.description) == [])
    }

    @Test func aCleanBundleIsAcceptedWithSchemaValidRecordsPhotosAndAVerifiableManifest() throws {
        let out = TemporaryDirectory()
        let run = try CardBatchBinary.run(["process", "\(samples)/clean-csv.zip", "--out", out.path, "--date", "2026-11-25"])
        #expect(run.status == 0)
        let folder = out.path + "/clean-csv"
        let csv = try String(contentsOfFile: folder + "/accepted/records.csv", encoding: .utf8)
        #expect(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 25)
        let xml = try XMLDocument(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/accepted/records.xml"))), name: "records.xml")
        #expect(try XMLSchema(xsd: Array(RecordsSchema.xsd.utf8)).validate(xml) == [])
        let photos = try FileManager.default.contentsOfDirectory(atPath: folder + "/accepted/photos")
        #expect(photos.count == 24)

        let manifest = try String(contentsOfFile: folder + "/manifest.sha256", encoding: .utf8).split(separator: "\n")
        #expect(manifest.count == 24 + 3)
        for line in manifest {
            let parts = line.split(separator: " ", maxSplits: 1)
            let path = String(parts[1].dropFirst())
            #expect(try SHA256.hex(fileAt: "\(folder)/\(path)") == String(parts[0]), "\(path)")
        }
    }

    @Test func outputsAreOwnerOnlyAndNoStagingFolderIsLeftBehind() throws {
        let out = TemporaryDirectory()
        _ = try CardBatchBinary.run(["process", "\(samples)/reject-photos.zip", "--out", out.path, "--date", "2026-11-25"])
        _ = try CardBatchBinary.run(["process", "\(samples)/reject-photos.zip", "--out", out.path, "--date", "2026-11-25"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).filter { !$0.hasPrefix("cardbatch-ledger") } == ["reject-photos"])
        let walker = FileManager.default.enumerator(atPath: out.path + "/reject-photos")!
        var checked = 0
        while let relative = walker.nextObject() as? String {
            let attributes = try FileManager.default.attributesOfItem(atPath: out.path + "/reject-photos/" + relative)
            let mode = (attributes[.posixPermissions] as! NSNumber).intValue
            let isDirectory = attributes[.type] as? FileAttributeType == .typeDirectory
            #expect(mode == (isDirectory ? 0o700 : 0o600), "\(relative)")
            checked += 1
        }
        #expect(checked > 10)
    }

    @Test func twoRunsOnTheSameInputWriteByteIdenticalFiles() throws {
        let a = TemporaryDirectory(), b = TemporaryDirectory()
        let bundles = try sampleBundles()
        _ = try CardBatchBinary.run(["process"] + bundles + ["--out", a.path, "--date", "2026-11-25", "--workers", "1"])
        _ = try CardBatchBinary.run(["process"] + bundles + ["--out", b.path, "--date", "2026-11-25", "--workers", "4"])
        // The ledger records when each bundle was processed, by design; every output folder must match.
        func outputs(_ dir: TemporaryDirectory) -> [String] {
            FileManager.default.enumerator(atPath: dir.path)!.compactMap { $0 as? String }.filter { !$0.hasPrefix("cardbatch-ledger") }.sorted()
        }
        let files = outputs(a)
        #expect(files == outputs(b))
        for file in files where !file.hasSuffix("/") {
            let x = FileManager.default.contents(atPath: "\(a.path)/\(file)"), y = FileManager.default.contents(atPath: "\(b.path)/\(file)")
            #expect(x == y, "\(file) differs")
        }
    }

    @Test func jsonPrintsOneSummaryObjectPerBundle() throws {
        let out = TemporaryDirectory()
        let run = try CardBatchBinary.run(["process", "\(samples)/clean-xml-wrapped.zip", "\(samples)/reject-fields.zip",
                                           "--out", out.path, "--date", "2026-11-25", "--json"])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(objects[0]["bundle"] as? String == "clean-xml-wrapped.zip")
        #expect(objects[0]["status"] as? String == "accepted")
        #expect(objects[0]["accepted"] as? Int == 22)
        #expect(objects[1]["status"] as? String == "partially-accepted")
        #expect(objects[1]["rejected"] as? Int == 9)
        #expect((objects[1]["output"] as? String)?.hasSuffix("/reject-fields") == true)
    }

    @Test func terminalOutputOfProcessMasksPassportNumbersAndNames() throws {
        let out = TemporaryDirectory()
        let run = try CardBatchBinary.run(["process", "\(samples)/reject-fields.zip", "--out", out.path, "--date", "2026-11-25"])
        let rows = SampleData.employees(count: 10, seed: 5)
        for row in rows {
            #expect(!run.stdout.contains(row[.passportNumber]!))
            #expect(!run.stdout.contains(row[.givenNames]!))
        }
        #expect(run.stdout.contains("[employee.passport-expired] row 4"))
    }

    @Test func precheckSaysPerEmployeeWhatToFixAndWritesNoAcceptedRecords() throws {
        let report = TemporaryDirectory()
        let run = try CardBatchBinary.run(["precheck", "\(samples)/reject-photos.zip", "--report", report.path, "--date", "2026-11-25"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("OK   row 1:"))
        #expect(run.stdout.contains("FIX  row 2:"))
        #expect(run.stdout.contains("is 441 × 358 pixels; it must be exactly 358 (width) × 441 (height)"))
        #expect(run.stdout.contains("须为 358（宽）× 441（高）像素"))
        #expect(run.stdout.contains("1 ready, 7 to fix"))
        #expect(!FileManager.default.fileExists(atPath: report.path + "/reject-photos/accepted"))
        #expect(FileManager.default.fileExists(atPath: report.path + "/reject-photos/rejected/row-00002.txt"))
    }

    @Test func precheckOfABundleRejectedAsAWholeExitsTwoAndSaysWhy() throws {
        let report = TemporaryDirectory()
        let run = try CardBatchBinary.run(["precheck", "\(samples)/reject-zip-traversal.zip", "--report", report.path, "--date", "2026-11-25"])
        #expect(run.status == 2)
        #expect(run.stdout.contains("THE WHOLE BUNDLE IS REFUSED"))
        #expect(run.stdout.contains("[zip.path]"))
    }

    @Test func usageErrorsExitWith64() throws {
        let out = TemporaryDirectory()
        #expect(try CardBatchBinary.run(["process", "\(samples)/clean-csv.zip", "--out", out.path, "--date", "2026-02-30"]).status == 64)
        #expect(try CardBatchBinary.run(["process", "\(samples)/clean-csv.zip"]).status == 64)
        #expect(try CardBatchBinary.run(["explain", "no.such-rule"]).status == 64)
    }

    @Test func aMissingBundleFileIsABundleLevelRejectionWithAReport() throws {
        let out = TemporaryDirectory()
        let run = try CardBatchBinary.run(["process", out.file("nope.zip"), "--out", out.path + "/o", "--date", "2026-11-25"])
        #expect(run.status == 2)
        let report = try String(contentsOfFile: out.path + "/o/nope/bundle-report.json", encoding: .utf8)
        #expect(report.contains("\"bundle.unreadable\""))
    }

    @Test func rulesListsEveryRuleAndExplainDescribesOne() throws {
        let rules = try CardBatchBinary.run(["rules"])
        #expect(rules.status == 0)
        for rule in RuleRegistry.all { #expect(rules.stdout.contains(rule.identifier)) }
        let explain = try CardBatchBinary.run(["explain", "photo.file-size"])
        #expect(explain.stdout.contains("40,960"))
        #expect(explain.stdout.contains("照片文件大小"))
    }

    @Test func configPrintsDefaultsAndAppliesAFilesOverrides() throws {
        let dir = TemporaryDirectory()
        try Data(#"{"photo": {"maxBytes": 120000}}"#.utf8).write(to: URL(fileURLWithPath: dir.file("c.json")))
        let run = try CardBatchBinary.run(["config", "--config", dir.file("c.json")])
        #expect(run.stdout.contains("photo.maxBytes                      120000    (default 100000)"))
        #expect(run.stdout.split(separator: "\n").contains { $0.hasPrefix("photo.minBytes") && $0.hasSuffix(" 40960") })
        let json = try CardBatchBinary.run(["config", "--config", dir.file("c.json"), "--json"])
        #expect(json.stdout.contains("\"maxBytes\" : 120000"))
    }
}
