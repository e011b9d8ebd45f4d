import CardBatchCore
import CardBatchNative

/// Writes a benchmark bundle of `employees` employees with realistic 40–100 KB photos, each
/// byte-unique (a pool of portraits, each copy tagged with a JPEG comment); the roster in CSV, or
/// with `xml` in XML.
public enum BenchBundle {
    public static func write(employees count: Int, xml: Bool = false, to path: String) throws {
        let employees = SampleData.employees(count: count, seed: 77)
        let pool = (0..<40).map { SamplePhotos.compliant(seed: 7_000 + UInt64($0)) }
        let writer = try ZipWriter(path: path)
        if xml {
            try writer.add("roster.xml", data: Array(RosterWriter.xml(employer: SampleData.employer, employees: employees).utf8))
        } else {
            try writer.add("roster.csv", data: Array(RosterWriter.csv(employer: SampleData.employer, employees: employees).utf8))
        }
        for (i, row) in employees.enumerated() {
            try writer.add(row[.photo]!, data: SamplePhotos.uniqued(pool[i % pool.count], tag: "\(i)"))
        }
        try writer.add("authorization.pdf", data: DocumentWriters.pdf(text: "Authorization Letter"))
        try writer.close()
    }
}
