import CardBatchCore
import CardBatchNative
import Foundation

/// Every bundle in `samples/`: what it shows and how `cardbatch` must judge it.
public struct SampleSpec: Sendable, Codable {
    public var bundle: String
    public var shows: String
    /// The bundle status `process` must report.
    public var status: String
    /// Rule identifiers that must appear among the findings.
    public var rules: [String]
}

/// Builds `samples/`. Deterministic: the same code writes byte-identical bundles.
public enum SampleCatalogue {
    typealias Row = SampleData.Row

    /// A clean bundle's usual content: roster, photos, letter.
    static func standard(_ employees: [Row], employer: Row = SampleData.employer, xml: Bool = false, seedBase: UInt64 = 100) -> BundleBuilder {
        var b = BundleBuilder()
        b.add(xml ? "roster.xml" : "roster.csv", text: xml ? RosterWriter.xml(employer: employer, employees: employees)
                                                          : RosterWriter.csv(employer: employer, employees: employees))
        for (i, row) in employees.enumerated() { b.add(row[.photo]!, SamplePhotos.compliant(seed: seedBase + UInt64(i))) }
        b.add(employer[.letterFile]!, DocumentWriters.pdf(text: "Authorization Letter - Shanghai Lumen Optics Co., Ltd. authorizes Wang Fang"))
        return b
    }

    static func small(_ seed: UInt64) -> [Row] { SampleData.employees(count: 3, seed: seed) }

    public static func build() -> [(SampleSpec, BundleBuilder)] {
        var out: [(SampleSpec, BundleBuilder)] = []
        func add(_ bundle: String, _ shows: String, _ status: String, _ rules: [String], _ builder: BundleBuilder) {
            out.append((SampleSpec(bundle: bundle, shows: shows, status: status, rules: rules), builder))
        }

        // Clean bundles.
        add("clean-csv.zip", "24 employees, CSV roster (UTF-8), PDF letter", "accepted", [],
            standard(SampleData.employees(count: 24, seed: 1)))

        do {
            let employees = SampleData.employees(count: 22, seed: 2)
            var employer = SampleData.employer
            employer[.letterFile] = "authorization.png"
            var b = BundleBuilder()
            let top = "Lumen-Optics-2026-11/"
            b.add(top + "roster.xml", text: RosterWriter.xml(employer: employer, employees: employees))
            for (i, row) in employees.enumerated() { b.add(top + row[.photo]!, SamplePhotos.compliant(seed: 200 + UInt64(i))) }
            let painter = PortraitPainter(width: 620, height: 877, noise: 2)
            b.add(top + "authorization.png", DocumentWriters.png(width: 620, height: 877, rgb: painter.paint(.varied(9), seed: 9)))
            b.add("__MACOSX/" + top + "._roster.xml", [0, 5, 22, 7, 0, 2, 0, 0])
            b.add(top + ".DS_Store", [0, 0, 0, 1, 66, 117, 100, 49])
            add("clean-xml-wrapped.zip", "22 employees, XML roster, inside one top-level folder with macOS junk (__MACOSX, .DS_Store), PNG letter scan",
                "accepted", [], b)
        }

        do {
            // What Excel and Explorer on Chinese Windows produce: a GB18030 CSV, GBK entry names
            // without the UTF-8 flag, a Thumbs.db, a JPEG letter scan with a Chinese name.
            var employees = SampleData.employees(count: 20, seed: 3)
            for i in employees.indices {
                let name = employees[i][.chineseName]!.isEmpty ? employees[i][.surname]!.lowercased() + "-\(i + 1)" : employees[i][.chineseName]!
                employees[i][.photo] = "照片/\(name).jpg"
            }
            var employer = SampleData.employer
            employer[.letterFile] = "授权书.jpg"
            var b = BundleBuilder()
            b.add("roster.csv", GB18030.encode(RosterWriter.csv(employer: employer, employees: employees))!)
            for (i, row) in employees.enumerated() { b.add(rawName: GB18030.encode(row[.photo]!)!, SamplePhotos.compliant(seed: 300 + UInt64(i))) }
            let painter = PortraitPainter(width: 600, height: 840, noise: 3)
            b.add(rawName: GB18030.encode("授权书.jpg")!, painter.jpeg(painter.paint(.varied(8), seed: 8), window: 0...400_000))
            b.add("Thumbs.db", [0xD0, 0xCF, 0x11, 0xE0])
            add("clean-gbk-windows.zip", "20 employees, CSV saved by Excel on Chinese Windows (GB18030), GBK entry names without the UTF-8 flag, JPEG letter scan",
                "accepted", [], b)
        }

        // Employee-level rejections: the bundle is partly accepted.
        do {
            var employees = SampleData.employees(count: 8, seed: 4)
            var b = BundleBuilder()
            b.add("roster.csv", text: RosterWriter.csv(employer: SampleData.employer, employees: employees))
            b.add(employees[0][.photo]!, SamplePhotos.compliant(seed: 400))
            b.add(employees[1][.photo]!, SamplePhotos.wrongDimensions(seed: 401))
            b.add(employees[2][.photo]!, SamplePhotos.tooSmall(seed: 402))
            b.add(employees[3][.photo]!, SamplePhotos.tooLarge(seed: 403))
            b.add(employees[4][.photo]!, SamplePhotos.greyscale(seed: 404))
            b.add(employees[5][.photo]!, SamplePhotos.png(seed: 405))
            b.add(employees[6][.photo]!, SamplePhotos.truncated(seed: 406))
            employees[7][.photo] = "photos/not-in-bundle.jpg"
            b.add("authorization.pdf", DocumentWriters.pdf(text: "Authorization Letter"))
            add("reject-photos.zip", "8 employees, one per photo defect: wrong pixel size, too few bytes, too many bytes, greyscale, PNG renamed .jpg, truncated JPEG, photo missing; one good",
                "partially-accepted", ["photo.dimensions", "photo.file-size", "photo.color", "photo.format", "photo.missing"], b)
        }
        /// One employee per defect of a calibration set, and one good photo.
        func defectBundle(_ name: String, kind: String, names: [String], rules: [String], seed: UInt64, photo: (Int, UInt64) -> [UInt8]) {
            let employees = SampleData.employees(count: names.count + 1, seed: seed)
            var b = BundleBuilder()
            b.add("roster.csv", text: RosterWriter.csv(employer: SampleData.employer, employees: employees))
            b.add(employees[0][.photo]!, SamplePhotos.compliant(seed: seed * 100))
            for i in names.indices { b.add(employees[i + 1][.photo]!, photo(i, seed * 100 + 1 + UInt64(i))) }
            b.add("authorization.pdf", DocumentWriters.pdf(text: "Authorization Letter"))
            add(name, "one employee per \(kind) defect: " + names.joined(separator: ", ") + "; one good photo",
                "partially-accepted", Array(Set(rules)).sorted(), b)
        }
        defectBundle("reject-photo-quality.zip", kind: "pixel", names: CalibrationSet.defects.map(\.0), rules: CalibrationSet.defects.map(\.1),
                     seed: 28, photo: CalibrationSet.defectPhoto)
        // The face defects: real people (see samples/faces/).
        defectBundle("reject-photo-face.zip", kind: "face", names: FaceCalibrationSet.defects.map(\.0), rules: FaceCalibrationSet.defects.map(\.1),
                     seed: 31, photo: FaceCalibrationSet.defectPhoto)
        do {
            // EXIF: a photo stored sideways, one too old, one dated in the future, one without a date
            // (a warning only), one good.
            let employees = SampleData.employees(count: 5, seed: 29)
            let painter = PortraitPainter()
            func plain(_ seed: UInt64) -> [UInt8] { painter.jpeg(painter.paint(.varied(seed), seed: seed)) }
            var b = BundleBuilder()
            b.add("roster.csv", text: RosterWriter.csv(employer: SampleData.employer, employees: employees))
            b.add(employees[0][.photo]!, SamplePhotos.compliant(seed: 2900))
            b.add(employees[1][.photo]!, SamplePhotos.withDate(plain(2901), orientation: 6))
            b.add(employees[2][.photo]!, SamplePhotos.withDate(plain(2902), date: "2025:12:01 09:30:00"))
            b.add(employees[3][.photo]!, SamplePhotos.withDate(plain(2903), date: "2027:01:10 09:30:00"))
            b.add(employees[4][.photo]!, plain(2904))
            b.add("authorization.pdf", DocumentWriters.pdf(text: "Authorization Letter"))
            add("reject-photo-exif.zip", "5 employees: a photo stored sideways (EXIF orientation 6), one taken 12 months ago, one dated in the future, one without a date taken (accepted with a warning), one good",
                "partially-accepted", ["photo.orientation", "photo.recency"], b)
        }
        do {
            var employees = SampleData.employees(count: 10, seed: 5)
            employees[1][.nationality] = "FR"
            employees[2][.passportNumber] = "19AB-12345"
            employees[3][.passportExpiry] = "2025-01-31"
            employees[4][.dateOfBirth] = "12/04/1988"
            employees[5][.workPermitNumber] = ""
            employees[6][.sex] = "MALE"
            employees[8][.nationality] = employees[7][.nationality]
            employees[8][.passportNumber] = employees[7][.passportNumber]
            employees[9][.givenNames] = "OLIVIA\nROSE"
            add("reject-fields.zip", "10 employees: bad nationality code, bad passport number, expired passport, non-ISO date, missing work permit number, bad sex, one passport on two rows, a line break in a name; one good",
                "partially-accepted", ["employee.nationality", "employee.passport-number", "employee.passport-expired", "employee.date",
                                       "employee.required-field", "employee.sex", "employee.duplicate-passport", "employee.text"],
                standard(employees, seedBase: 500))
        }

        do {
            var employees = SampleData.employees(count: 12, seed: 21)
            employees[1][.nationality] = "CHN"; SampleData.withMRZ(&employees[1])
            employees[2][.dateOfBirth] = "2010-03-14"
            employees[3][.dateOfBirth] = "2027-01-01"
            employees[4][.workPermitExpiry] = "2026-10-31"
            SampleData.withMRZ(&employees[5])
            var typo = Array(employees[5][.mrzLine2]!)
            typo[2] = typo[2] == "7" ? "8" : "7"
            employees[5][.mrzLine2] = String(typo)
            employees[6][.givenNames] = "JOHN PETER"
            employees[7][.surname] = "MÜLLER"
            employees[8][.chineseName] = "Anna"
            employees[9][.workPermitNumber] = "WP-2026-17"
            employees[10][.passportNumber] = "AB12345678"
            employees[11][.passportExpiry] = "2027-01-15"; SampleData.withMRZ(&employees[11])
            add("reject-identity.zip", "12 employees: a Chinese national, a minor, a birth date in the future, an expired work permit, a mistyped MRZ, an MRZ naming someone else, a non-Latin surname, a Latin Chinese name, a malformed permit number, a 10-character passport number; one accepted with a passport expiring in 51 days",
                "partially-accepted", ["employee.chinese-national", "employee.adult", "employee.date-of-birth", "employee.work-permit-expired",
                                       "employee.mrz", "employee.name", "employee.chinese-name", "employee.work-permit-number",
                                       "employee.passport-number", "employee.passport-expiring"],
                standard(employees, seedBase: 2100))
        }

        do {
            let employees = SampleData.employees(count: 4, seed: 27)
            var b = standard(employees, seedBase: 2700)
            b.replace(employees[2][.photo]!, with: SamplePhotos.compliant(seed: 2700))
            add("reject-shared-photo.zip", "4 employees, two of whom submitted the very same photo file", "partially-accepted",
                ["photo.duplicate"], b)
        }

        // Bundle-level rejections: refused as a whole.
        do {
            var b = standard(small(6), seedBase: 600)
            b.add("../../etc/cron.d/cardbatch", text: "* * * * * root id\n")
            add("reject-zip-traversal.zip", "an entry named ../../etc/cron.d/… (zip slip)", "bundle-rejected", ["zip.path"], b)
        }
        do {
            var b = standard(small(7), seedBase: 700)
            b.addSymlink("photos/link.jpg", target: "/etc/passwd")
            add("reject-zip-symlink.zip", "a symbolic link entry pointing at /etc/passwd", "bundle-rejected", ["zip.symlink"], b)
        }
        do {
            var b = standard(small(8), seedBase: 800)
            b.add("padding.bin", [UInt8](repeating: 0, count: 20 * 1024 * 1024))
            add("reject-zip-bomb.zip", "an entry that inflates 1,000-fold (20 MiB of zeros)", "bundle-rejected", ["zip.compression-ratio"], b)
        }
        add("reject-zip-encrypted.zip", "password-protected entries", "bundle-rejected", ["zip.encrypted"], standard(small(9), seedBase: 900))
        do {
            let employees = small(10)
            var b = standard(employees, seedBase: 1000)
            b.add(employees[0][.photo]!.uppercased(), SamplePhotos.compliant(seed: 1099))
            add("reject-zip-duplicate-names.zip", "two entries whose names differ only by letter case", "bundle-rejected", ["zip.duplicate-name"], b)
        }
        add("reject-roster-missing.zip", "photos and letter but no roster", "bundle-rejected", ["roster.missing"], {
            var b = BundleBuilder()
            for (i, row) in small(11).enumerated() { b.add(row[.photo]!, SamplePhotos.compliant(seed: 1100 + UInt64(i))) }
            b.add("authorization.pdf", DocumentWriters.pdf(text: "Authorization Letter"))
            return b
        }())
        do {
            let employees = small(12)
            var b = standard(employees, seedBase: 1200)
            b.add("roster.xml", text: RosterWriter.xml(employer: SampleData.employer, employees: employees))
            add("reject-roster-multiple.zip", "both roster.csv and roster.xml", "bundle-rejected", ["roster.multiple"], b)
        }
        do {
            let employees = small(13)
            var b = standard(employees, seedBase: 1300)
            var csv = RosterWriter.csv(employer: SampleData.employer, employees: employees)
            csv = csv.replacing("\(employees[1][.givenNames]!),", with: "\"\(employees[1][.givenNames]!),")
            b.replace("roster.csv", with: Array(csv.utf8))
            add("reject-roster-csv-syntax.zip", "a CSV roster with an unclosed quote", "bundle-rejected", ["roster.syntax"], b)
        }
        do {
            var employees = small(14)
            employees[1][.passportNumber] = nil
            var b = standard(employees, xml: true, seedBase: 1400)
            b.replace("roster.xml", with: Array(RosterWriter.xml(employer: SampleData.employer, employees: employees).replacing("<sex>", with: "<gender>").replacing("</sex>", with: "</gender>").utf8))
            add("reject-roster-xml-schema.zip", "an XML roster missing <passportNumber> and using <gender> for <sex>", "bundle-rejected", ["roster.schema"], b)
        }
        do {
            let employees = small(15)
            var b = standard(employees, xml: true, seedBase: 1500)
            b.replace("roster.xml", with: Array(RosterWriter.xml(employer: SampleData.employer, employees: employees,
                                                       prologue: "<!DOCTYPE roster [ <!ENTITY secret SYSTEM \"file:///etc/passwd\"> ]>\n").replacing("<phone>", with: "<phone>&secret;").utf8))
            add("reject-roster-xxe.zip", "an XML roster with an external entity (XXE) reading /etc/passwd", "bundle-rejected", ["roster.dtd"], b)
        }
        do {
            let employees = small(16)
            var b = standard(employees, seedBase: 1600)
            let csv = RosterWriter.csv(employer: SampleData.employer, employees: employees)
            b.replace("roster.csv", with: [0xFF, 0xFE] + csv.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            add("reject-roster-utf16.zip", "a CSV roster saved as UTF-16 (\"Unicode text\")", "bundle-rejected", ["roster.encoding"], b)
        }
        do {
            let employees = small(17)
            var b = standard(employees, seedBase: 1700)
            var lines = RosterWriter.csv(employer: SampleData.employer, employees: employees).components(separatedBy: "\r\n")
            lines[3] = "\"Beijing Other Trading Co., Ltd.\"" + lines[3]
            b.replace("roster.csv", with: Array(lines.joined(separator: "\r\n").utf8))
            add("reject-roster-mixed-employers.zip", "a CSV roster whose third employee names another employer", "bundle-rejected", ["roster.employer-inconsistent"], b)
        }
        do {
            var b = BundleBuilder()
            let employees = small(18)
            b.add("roster.csv", text: RosterWriter.csv(employer: SampleData.employer, employees: employees))
            for (i, row) in employees.enumerated() { b.add(row[.photo]!, SamplePhotos.compliant(seed: 1800 + UInt64(i))) }
            add("reject-letter-missing.zip", "no authorization letter in the bundle", "bundle-rejected", ["letter.missing"], b)
        }
        do {
            var b = standard(small(19), seedBase: 1900)
            b.replace("authorization.pdf", with: [0x50, 0x4B, 0x03, 0x04] + Array("word/document.xml".utf8) + [UInt8](repeating: 7, count: 300))
            add("reject-letter-format.zip", "authorization.pdf that is really a Word document", "bundle-rejected", ["letter.format"], b)
        }
        do {
            var employer = SampleData.employer
            employer[.employerCreditCode] = ""
            employer[.staffIDType] = "ID"
            add("reject-employer-fields.zip", "no credit code, unknown staff ID type", "bundle-rejected",
                ["employer.required-field", "employer.staff-id-type"], standard(small(20), employer: employer, seedBase: 2000))
        }
        do {
            var b = standard(small(23), seedBase: 2300)
            let letter = DocumentWriters.pdf(text: "Authorization Letter")
            b.replace("authorization.pdf", with: (try? PDFDocument.encrypted(letter, userPassword: "lumen2026", ownerPassword: "owner")) ?? [])
            add("reject-letter-encrypted.zip", "a password-protected (AES) PDF letter", "bundle-rejected", ["letter.encrypted"], b)
        }
        do {
            var b = standard(small(24), seedBase: 2400)
            b.replace("authorization.pdf", with: DocumentWriters.pdf(text: "Authorization Letter", pages: 0))
            add("reject-letter-no-pages.zip", "a PDF letter with no pages", "bundle-rejected", ["letter.pages"], b)
        }
        do {
            var employer = SampleData.employer
            employer[.letterFile] = "authorization.png"
            var b = standard(small(25), employer: employer, seedBase: 2500)
            b.remove("authorization.pdf")
            let painter = PortraitPainter(width: 320, height: 452, noise: 2)
            b.add("authorization.png", DocumentWriters.png(width: 320, height: 452, rgb: painter.paint(.varied(3), seed: 3)))
            add("reject-letter-tiny-scan.zip", "a letter scanned at 320 × 452 pixels, too small to read", "bundle-rejected", ["letter.legibility"], b)
        }
        do {
            var employer = SampleData.employer
            employer[.letterDate] = "2026-03-01"
            add("reject-letter-old.zip", "a letter issued on 2026-03-01, more than 6 months before the processing date", "bundle-rejected",
                ["letter.age"], standard(small(26), employer: employer, seedBase: 2600))
        }
        do {
            var employer = SampleData.employer
            employer[.employerCreditCode] = "91310115MA1K4LXX3B"
            employer[.staffIDNumber] = "110101199003074515"
            add("reject-employer-ids.zip", "a credit code and a staff resident ID number with wrong check characters", "bundle-rejected",
                ["employer.credit-code", "employer.staff-id", "employee.bundle-rejected"], standard(small(22), employer: employer, seedBase: 2200))
        }
        do {
            var b = BundleBuilder()
            b.add("roster.csv", text: RosterWriter.csv(employer: SampleData.employer, employees: []))
            b.add("authorization.pdf", DocumentWriters.pdf(text: "Authorization Letter"))
            add("reject-roster-empty.zip", "a roster with a header and no employees", "bundle-rejected", ["roster.empty"], b)
        }
        return out
    }

    /// Writes every sample, the expectations, the schemas and the CSV template under `directory`.
    public static func writeAll(to directory: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try fm.createDirectory(atPath: directory + "/schemas", withIntermediateDirectories: true)
        var specs: [SampleSpec] = []
        for (spec, builder) in build() {
            let path = "\(directory)/\(spec.bundle)"
            try builder.write(to: path)
            if spec.bundle == "reject-zip-encrypted.zip" { try ZipPatch.markEncrypted(path) }
            specs.append(spec)
        }
        try Data("Rar!\u{1A}\u{07}\u{00}this is a RAR archive, not a ZIP\n".utf8).write(to: URL(fileURLWithPath: "\(directory)/reject-not-a-zip.zip"))
        specs.append(SampleSpec(bundle: "reject-not-a-zip.zip", shows: "a RAR file renamed .zip", status: "bundle-rejected", rules: ["bundle.unreadable"]))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try (encoder.encode(specs.sorted { $0.bundle < $1.bundle }) + Data("\n".utf8)).write(to: URL(fileURLWithPath: "\(directory)/expected.json"))
        try Data(PublishedFormats.rosterXSD.utf8).write(to: URL(fileURLWithPath: "\(directory)/schemas/roster.xsd"))
        try Data(PublishedFormats.recordsXSD.utf8).write(to: URL(fileURLWithPath: "\(directory)/schemas/records.xsd"))
        let example = RosterWriter.csv(employer: SampleData.employer, employees: SampleData.employees(count: 1, seed: 1))
        try Data(example.utf8).write(to: URL(fileURLWithPath: "\(directory)/roster-template.csv"))
    }
}

import CardBatchIntake
import CardBatchOutput

/// The formats cardbatch publishes, as the product embeds them.
public enum PublishedFormats {
    public static let rosterXSD = RosterSchema.xsd
    public static let recordsXSD = RecordsSchema.xsd
}
