import CardBatchCore
import CardBatchLedger
import CardBatchNative
import CardBatchTestSupport
import Foundation
import Testing

/// The ledger keeps no passport number: employees are keys under a deployment secret, and a ledger of
/// the earlier version is migrated in place without forgetting anyone.
struct KeyedLedgerTests {
    static let samples = CardBatchBinary.root + "/samples"
    static let fixture = CardBatchBinary.root + "/Tests/Fixtures/ledger-v1.sqlite"

    static func sampleBundles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: samples).filter { $0.hasSuffix(".zip") }.sorted().map { "\(samples)/\($0)" }
    }

    /// The ledger file and its write-ahead log, as bytes.
    static func ledgerBytes(_ path: String) -> [UInt8] {
        [path, path + "-wal", path + "-journal"].flatMap { file -> [UInt8] in
            guard let data = FileManager.default.contents(atPath: file) else { return [] }
            return Array(data)
        }
    }

    static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard !n.isEmpty, haystack.count >= n.count else { return false }
        return (0...(haystack.count - n.count)).contains { i in haystack[i] == n[0] && Array(haystack[i..<(i + n.count)]) == n }
    }

    /// Every passport number the outputs name in clear: accepted records and rejection reports.
    static func passports(under out: String) throws -> Set<String> {
        var found = Set<String>()
        for folder in try FileManager.default.contentsOfDirectory(atPath: out) {
            let rejected = "\(out)/\(folder)/rejected"
            for name in (try? FileManager.default.contentsOfDirectory(atPath: rejected)) ?? [] where name.hasSuffix(".json") {
                let data = try Data(contentsOf: URL(fileURLWithPath: "\(rejected)/\(name)"))
                let report = try JSONSerialization.jsonObject(with: data) as? [String: Any]
                if let passport = (report?["employee"] as? [String: Any])?["passportNumber"] as? String, !passport.isEmpty { found.insert(passport) }
            }
            if let csv = try? String(contentsOfFile: "\(out)/\(folder)/accepted/records.csv", encoding: .utf8) {
                let lines = csv.split(whereSeparator: \.isNewline).map(Self.cells)
                guard let header = lines.first, let column = header.firstIndex(of: "passport_number") else { continue }
                for row in lines.dropFirst() where row.count > column && !row[column].isEmpty { found.insert(row[column]) }
            }
        }
        return found
    }

    /// A CSV line's cells (quoted cells may hold commas; the records hold no line breaks).
    static func cells(_ line: Substring) -> [String] {
        var cells: [String] = [], cell = "", quoted = false
        for c in line {
            if c == "\"" { quoted.toggle() } else if c == "," && !quoted { cells.append(cell); cell = "" } else { cell.append(c) }
        }
        return cells + [cell]
    }

    @Test(.timeLimit(.minutes(3)))
    func afterProcessingTheSamplesTheLedgerFileHoldsNoPassportNumberYetResubmissionsAreStillCaught() throws {
        let dir = TemporaryDirectory()
        let out = dir.file("out")
        let run = try CardBatchBinary.run(["process", "--quiet", "--date", "2026-11-25", "--out", out] + Self.sampleBundles())
        #expect(run.status == 2, "\(run.stderr)")
        let passports = try Self.passports(under: out)
        #expect(passports.count >= 150, "only \(passports.count) passport numbers found in the outputs")
        let bytes = Self.ledgerBytes("\(out)/cardbatch-ledger.sqlite")
        #expect(bytes.count > 0)
        let leaked = passports.filter { Self.contains(bytes, $0) }
        #expect(leaked.isEmpty, "passport numbers in the ledger file: \(leaked.sorted().prefix(5))")
        // The outputs themselves do hold them (the search would find one if it were there).
        let records = Array(FileManager.default.contents(atPath: "\(out)/clean-csv/accepted/records.csv") ?? Data())
        #expect(passports.contains { Self.contains(records, $0) })

        let secret = "\(out)/cardbatch-ledger.secret"
        var info = stat()
        #expect(stat(secret, &info) == 0 && info.st_mode & 0o777 == 0o600 && info.st_size == 32)
        #expect(run.stderr.contains("created the ledger secret"), "the operator is told to back the secret up")

        let again = try CardBatchBinary.run(["process", "--quiet", "--date", "2026-11-25", "--out", dir.file("out2"),
                                             "--ledger", "\(out)/cardbatch-ledger.sqlite", "\(Self.samples)/clean-csv.zip"])
        #expect(again.status == 3, "the same bytes are a resubmission: \(again.stderr)")
    }

    @Test(.timeLimit(.minutes(3)))
    func aLedgerOfTheEarlierVersionIsMigratedInPlaceKeepingEveryEmployeeAndBundle() throws {
        let dir = TemporaryDirectory()
        let ledger = dir.file("ledger.sqlite")
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: ledger)
        chmod(ledger, 0o600)
        // What the earlier version held in clear.
        let old = try SQLiteDatabase(path: Self.fixture)
        let employees = try old.query("SELECT e.nationality, e.passport_number, b.name FROM employees e JOIN bundles b ON b.sha256 = e.bundle_sha256")
        let bundles = try old.query("SELECT sha256, name FROM bundles")
        #expect(employees.count == 78 && bundles.count == 32)
        #expect(employees.contains { Self.contains(Self.ledgerBytes(ledger), $0[1]!) }, "the fixture holds clear text to begin with")

        let migrated = try CardBatchBinary.run(["ledger", "migrate", "--ledger", ledger])
        #expect(migrated.status == 0 && migrated.stdout.contains("migrated to version 3 (applied: 2, 3)"), "\(migrated.stdout)\(migrated.stderr)")
        let bytes = Self.ledgerBytes(ledger)
        let leaked = employees.compactMap { $0[1] }.filter { Self.contains(bytes, $0) }
        #expect(leaked.isEmpty, "clear-text passport numbers left after the migration: \(leaked.prefix(5))")
        let twice = try CardBatchBinary.run(["ledger", "migrate", "--ledger", ledger])
        #expect(twice.status == 0 && twice.stdout.contains("already current (version 3)"))

        // Every employee is still held by its bundle, and a new bundle naming them is told which one.
        let opened = try SQLiteLedger(path: ledger, secret: LedgerSecret.load(path: dir.file("ledger.secret")))
        let identities = employees.map { EmployeeIdentity(nationality: $0[0]!, passportNumber: $0[1]!, recordKey: "") }
        let conflicts = try opened.reserve(LedgerBundle(sha256: String(repeating: "e", count: 64), name: "later.zip", output: dir.file("later"),
                                                        processedAt: "2026-11-26T09:00:00Z", processingDate: "2026-11-26", outcome: "accepted"),
                                           employees: identities)
        #expect(conflicts.count == 78)
        for row in employees {
            let identity = EmployeeIdentity(nationality: row[0]!, passportNumber: row[1]!, recordKey: "")
            #expect(conflicts[identity]?.name == row[2], "\(row[2] ?? "")")
        }
        // A passport written with other case or spaces is the same person.
        let spaced = EmployeeIdentity(nationality: identities[0].nationality.lowercased(), passportNumber: " " + identities[0].passportNumber.lowercased(), recordKey: "")
        #expect(opened.secret.identityKey(spaced) == opened.secret.identityKey(identities[0]))
        for row in bundles { #expect(try opened.recordedBundle(sha256: row[0]!)?.name == row[1]) }
    }

    @Test(.timeLimit(.minutes(3)))
    func aMigrationKilledAtAnyMomentLeavesTheOldOrTheNewLedgerNeverAMixture() throws {
        let dir = TemporaryDirectory()
        let secret = try LedgerSecret.writeTestSecret(to: dir.file("ledger.secret"))
        var rng = SystemRandomNumberGenerator()
        for round in 0..<8 {
            let ledger = dir.file("ledger-\(round).sqlite")
            try FileManager.default.copyItem(atPath: Self.fixture, toPath: ledger)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CardBatchBinary.path())
            p.arguments = ["ledger", "migrate", "--ledger", ledger, "--secret", secret]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            usleep(UInt32.random(in: 0...60_000, using: &rng))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let db = try SQLiteDatabase(path: ledger)
            let version = Int(try db.query("PRAGMA user_version").first?[0] ?? "") ?? -1
            let columns = try db.query("SELECT name FROM pragma_table_info('employees')").compactMap { $0[0] }
            #expect((version == 0 && columns.contains("passport_number")) || (version == 3 && columns == ["identity_key", "bundle_sha256"]),
                    "round \(round): version \(version), columns \(columns)")
            let finished = try SQLiteLedger(path: ledger, secret: .forTests)
            #expect(try finished.status().acceptedEmployees == 78)
        }
    }

    @Test func theSecretIsOwnerOnlyNeverReplacedNeverPrintedAndAnotherSecretIsRefused() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("keys/ledger.secret")
        let made = try CardBatchBinary.run(["ledger", "init-secret", "--secret", path])
        #expect(made.status == 0, "\(made.stderr)")
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o600 && info.st_size == 32)
        let bytes = Array(FileManager.default.contents(atPath: path)!)
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        #expect(!made.stdout.contains(hex))
        let again = try CardBatchBinary.run(["ledger", "init-secret", "--secret", path])
        #expect(again.status == 73 && again.stderr.contains("already exists"))
        #expect(Array(FileManager.default.contents(atPath: path)!) == bytes, "an existing secret was replaced")

        let bundle = try Fixtures.write(Fixtures.cleanBundle(Fixtures.employees(1, seed: 31)), "b.zip", in: dir)
        let ledger = dir.file("ledger.sqlite")
        chmod(path, 0o640)
        let readable = try CardBatchBinary.run(["process", "--quiet", "--out", dir.file("out"), "--ledger", ledger, "--secret", path, bundle])
        #expect(readable.status == 74 && readable.stderr.contains("readable or writable by others"), "\(readable.stderr)")
        chmod(path, 0o600)
        #expect(try CardBatchBinary.run(["process", "--quiet", "--out", dir.file("out"), "--ledger", ledger, "--secret", path, bundle]).status == 0)

        let other = try LedgerSecret.writeTestSecret(to: dir.file("other.secret"))
        let refused = try CardBatchBinary.run(["process", "--quiet", "--out", dir.file("out3"), "--ledger", ledger, "--secret", other, bundle])
        #expect(refused.status == 74 && refused.stderr.contains("keyed with the secret of fingerprint"), "\(refused.stderr)")
        let missing = try CardBatchBinary.run(["process", "--quiet", "--out", dir.file("out4"), "--ledger", ledger, "--secret", dir.file("gone.secret"), bundle])
        #expect(missing.status == 74 && missing.stderr.contains("does not exist"))
        for run in [readable, refused, missing] { #expect(!run.stderr.contains(hex) && !run.stdout.contains(hex)) }
    }
}
