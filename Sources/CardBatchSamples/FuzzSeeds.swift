import CardBatchCore
import CardBatchNative
import Foundation

/// Seed inputs for each fuzz harness (`make fuzz`), made by the same generators as `samples/` but kept
/// small, so that libFuzzer mutates quickly: a bundle of two employees with thumbnail-sized photos
/// rather than a real one of 24. Deterministic: the same files on every run.
public enum FuzzSeeds {
    /// Target name (as `FuzzTarget.rawValue`) → file name → bytes.
    public static func all() -> [String: [String: [UInt8]]] {
        let rows = SampleData.employees(count: 3, seed: 77)
        var mrzRows = rows
        for i in mrzRows.indices { SampleData.withMRZ(&mrzRows[i]) }
        let employer = SampleData.employer
        let csv = RosterWriter.csv(employer: employer, employees: rows)
        let xml = RosterWriter.xml(employer: employer, employees: rows)
        let small = PortraitPainter(width: 90, height: 111, noise: 4)
        let smallPhoto = { (seed: UInt64) in (try? JPEGEncoder().encode(small.paint(.varied(seed), seed: seed), width: 90, height: 111, quality: 85)) ?? [] }

        func bundle(xml isXML: Bool, gbkNames: Bool = false) -> [UInt8] {
            var b = BundleBuilder()
            let two = Array(rows.prefix(2))
            b.add(isXML ? "roster.xml" : "roster.csv", text: isXML ? RosterWriter.xml(employer: employer, employees: two)
                                                                  : RosterWriter.csv(employer: employer, employees: two))
            for (i, row) in two.enumerated() {
                let photo = SamplePhotos.withDate(smallPhoto(UInt64(i)), day: 3)
                if gbkNames, let name = GB18030.encode("照片/员工\(i).jpg") {
                    b.add(rawName: name, photo)
                } else {
                    b.add(row[.photo]!, photo)
                }
            }
            b.add("authorization.pdf", DocumentWriters.pdf(text: "Authorization"))
            return (try? b.bytes()) ?? []
        }

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let fullConfig = (try? encoder.encode(Configuration())).map { [UInt8]($0) } ?? []

        let permits = "permit_number,nationality,passport_number,name,expiry\r\n" + rows.map {
            "\($0[.workPermitNumber]!),\($0[.nationality]!),\($0[.passportNumber]!),\"\($0[.surname]!) \($0[.givenNames]!)\",\($0[.workPermitExpiry]!)"
        }.joined(separator: "\r\n") + "\r\n"

        let scan = PortraitPainter(width: 64, height: 80, noise: 2).paint(.varied(5), seed: 5)
        return [
            "bundle": ["csv.zip": bundle(xml: false), "xml.zip": bundle(xml: true), "gbk-names.zip": bundle(xml: false, gbkNames: true)],
            "csv-roster": ["roster.csv": Array(csv.utf8), "roster-mrz.csv": Array(RosterWriter.csv(employer: employer, employees: mrzRows).utf8),
                           "roster-gbk.csv": GB18030.encode(csv) ?? []],
            "xml-roster": ["roster.xml": Array(xml.utf8)],
            "permits": ["permits.csv": Array(permits.utf8)],
            "photo": ["compliant.jpg": SamplePhotos.compliant(seed: 3), "small.jpg": smallPhoto(9),
                      "oriented.jpg": SamplePhotos.withDate(smallPhoto(10), day: 2, orientation: 6),
                      "icc.jpg": DocumentWriters.withICCProfile(smallPhoto(11), description: "Adobe RGB (1998)"),
                      "grey.jpg": SamplePhotos.greyscale(seed: 12), "cut-before-scan.jpg": SamplePhotos.cutBeforeScan(seed: 13)],
            "fix-photo": ["portrait.jpg": (try? JPEGEncoder().encode(PortraitPainter(width: 400, height: 520, noise: 6).paint(.varied(14), seed: 14),
                                                                     width: 400, height: 520, quality: 90)) ?? [],
                          "sideways.jpg": SamplePhotos.withDate(SamplePhotos.wrongDimensions(seed: 15), day: 4, orientation: 6),
                          "portrait.png": DocumentWriters.png(width: 120, height: 148, rgb: PortraitPainter(width: 120, height: 148).paint(.varied(16), seed: 16)),
                          "grey.jpg": SamplePhotos.greyscale(seed: 17)],
            "letter": ["letter.pdf": DocumentWriters.pdf(text: "Authorization", pages: 2),
                       "encrypted.pdf": (try? PDFDocument.encrypted(DocumentWriters.pdf(text: "x"), userPassword: "u", ownerPassword: "o")) ?? [],
                       "scan.png": DocumentWriters.png(width: 64, height: 80, rgb: scan),
                       "scan.jpg": (try? JPEGEncoder().encode(scan, width: 64, height: 80, quality: 80)) ?? []],
            "configuration": ["full.json": fullConfig,
                              "partial.json": Array(#"{"photo": {"minBytes": 30000}, "photoChecks": {"minBackgroundLightness": 80.5}}"#.utf8),
                              "lists.json": Array(#"{"employer": {"legacyCreditCodes": ["A1", "B2"]}, "identity": {"workPermitPattern": "[0-9]{8,24}"}}"#.utf8)],
        ]
    }

    /// libFuzzer dictionaries for the structured formats, from the product's own names (so they never
    /// go stale): the roster's columns and elements, and the configuration's keys.
    public static func dictionaries(configurationKeys: [String]) -> [String: [String]] {
        let fields = RosterField.allCases
        let xml = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<roster xmlns=\"urn:cardbatch:roster:1\" version=\"1\">", "</roster>",
                   "<employer>", "<designatedStaff>", "<employees>", "<employee>", "</employee>", "<authorizationLetter file=\"",
                   "issued=\"", "<!DOCTYPE", "<!ENTITY", "&amp;", "<![CDATA[", "]]>"]
            + fields.flatMap { ["<\($0.xmlName)>", "</\($0.xmlName)>"] }
        let csv = fields.map(\.csvColumn) + [",", "\"", "\"\"", "\r\n", "\n", "\u{FEFF}", ";", "\t", "resident-id-card", "passport", "2026-11-25"]
        let json = configurationKeys.flatMap { $0.split(separator: ".").map { "\"\($0)\"" } } + ["{", "}", "[", "]", ":", "-1", "1e309", "null", "true"]
        let permits = ["permit_number", "nationality", "passport_number", "name", "expiry", ",", "\"", "\r\n"]
        return ["xml-roster": xml, "csv-roster": csv, "configuration": json, "permits": permits]
    }

    /// Writes every seed under `directory/<target>/`, and the dictionaries as `directory/<target>.dict`.
    public static func write(to directory: String, configurationKeys: [String]) throws {
        for (target, files) in all() {
            let folder = directory + "/" + target
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for (name, bytes) in files { try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + name)) }
        }
        for (target, all) in dictionaries(configurationKeys: configurationKeys) {
            var seen: Set<String> = []
            let tokens = all.filter { seen.insert($0).inserted }
            // libFuzzer's dictionary format: one quoted token a line, with \\, \" and \xNN escapes.
            let lines = tokens.map { token in
                "\"" + token.utf8.map { byte -> String in
                    switch byte {
                    case UInt8(ascii: "\\"): return "\\\\"
                    case UInt8(ascii: "\""): return "\\\""
                    case 0x20..<0x7F: return String(UnicodeScalar(byte))
                    default: return String(format: "\\x%02X", byte)
                    }
                }.joined() + "\""
            }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: directory + "/" + target + ".dict"))
        }
    }
}
