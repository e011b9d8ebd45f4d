/// Where everything of one bundle's result lives, relative to its output folder: the one place these
/// names are spelled. Employers, card production and scripts depend on them, so they never change.
public enum ResultLayout {
    /// Every finding, counts, digests, tool and rule-set versions.
    public static let bundleReport = "bundle-report.json"
    /// `precheck`'s page for people.
    public static let htmlReport = "report.html"
    /// SHA-256 of every other file, for `sha256sum -c`.
    public static let manifest = "manifest.sha256"
    public static let acceptedFolder = "accepted"
    public static let acceptedPhotosFolder = "accepted/photos"
    public static let recordsCSV = "accepted/records.csv"
    public static let recordsXML = "accepted/records.xml"
    public static let rejectedFolder = "rejected"

    /// An accepted employee's photo, byte for byte as submitted: `accepted/photos/KEY.jpg`.
    public static func acceptedPhoto(key: String) -> String { "accepted/photos/\(key).jpg" }

    /// The same photo as the accepted records name it, relative to `accepted/`: `photos/KEY.jpg`.
    public static func recordPhoto(key: String) -> String { "photos/\(key).jpg" }

    /// A rejected employee's reports without their extension: `rejected/row-00007` (`.json`, `.txt`,
    /// and `.jpg` for a photo rejection's thumbnail).
    public static func rejectionStem(row: Int) -> String { "rejected/" + rowName(row) }

    static func rowName(_ row: Int) -> String {
        let digits = String(row)
        return "row-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }
}
