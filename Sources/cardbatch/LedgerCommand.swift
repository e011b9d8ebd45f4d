import ArgumentParser
import CardBatchCore
import CardBatchLedger
import CardBatchOutput
import Foundation

struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Look after the ledger: its schema, its state, and moving an SQLite ledger into a shared PostgreSQL one.",
        subcommands: [Migrate.self, Status.self, Export.self, Import.self]
    )

    /// The ledger named with --ledger (required here: there is no output folder to default to).
    static func open(_ options: LedgerOptions) throws -> any Ledger & JourneyLog & LedgerTransfer {
        guard options.ledger != nil else { throw ValidationError("--ledger is required: an SQLite file or a postgresql:// URL") }
        do {
            return try options.open(directory: ".")
        } catch {
            StandardError.print("cardbatch: cannot use \(options.describe(directory: ".")): \(error)")
            throw ExitCode(74)
        }
    }

    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bring the ledger's schema up to date (also done by every run at start-up; safe while others run).")
        @OptionGroup var ledger: LedgerOptions

        func run() throws {
            let opened = try LedgerCommand.open(ledger)
            defer { PostgresLedger.close(opened) }
            if let shared = opened as? PostgresLedger {
                let current = try shared.appliedMigrations().last?.version ?? 0
                print(shared.migrationsApplied.isEmpty ? "ledger schema already current (version \(current))"
                                                       : "ledger schema migrated to version \(current) (applied: \(shared.migrationsApplied.map(String.init).joined(separator: ", ")))")
            } else {
                print("ledger schema current (SQLite: created and kept up to date when opened)")
            }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the ledger's schema version, bundles, employees, journeys and, when shared, its sessions and claims.")
        @OptionGroup var ledger: LedgerOptions
        @Flag(name: .long, help: "One JSON object instead of text.") var json = false

        func run() throws {
            let opened = try LedgerCommand.open(ledger)
            defer { PostgresLedger.close(opened) }
            let status = try opened.status()
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                print(String(decoding: try encoder.encode(status), as: UTF8.self))
                return
            }
            print("ledger: \(status.backend) \(status.location)")
            print("schema: version \(status.schemaVersion) of \(status.latestSchemaVersion)")
            print("bundles: \(status.bundlesDone) done, \(status.bundlesPending) pending")
            print("accepted employees: \(status.acceptedEmployees)")
            print("journeys: \(status.journeys) (\(status.activeJourneys) unfinished)")
            if let live = status.liveSessions, let expired = status.expiredSessions, let claims = status.claims, let stale = status.expiredClaims {
                print("sessions: \(live) live, \(expired) expired")
                print("claims: \(claims) held, \(stale) expired (taken over by the next watcher pass)")
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the ledger's finished bundles, accepted employees and journeys to a JSON file (owner-only: it holds passport numbers).")
        @OptionGroup var ledger: LedgerOptions
        @Option(name: .long, help: ArgumentHelp("The file to write.", valueName: "file")) var to: String

        func run() throws {
            let opened = try LedgerCommand.open(ledger)
            defer { PostgresLedger.close(opened) }
            let contents = try opened.contents()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            do {
                try DurableFiles.replace(Array(try encoder.encode(contents)), at: to)
            } catch {
                StandardError.print("cardbatch: cannot write \(to): \(error)")
                throw ExitCode(74)
            }
            print("exported \(contents.bundles.count) bundles, \(contents.employees.count) accepted employees, \(contents.journeys.count) journeys to \(to)")
            if contents.pendingLeftOut > 0 {
                StandardError.print("cardbatch: \(contents.pendingLeftOut) pending bundle(s) left out: run a process or watch pass first, so they are recovered")
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an exported ledger to this one, in one transaction: bundles it lacks, their employees unless already accepted through another bundle, journeys. Importing twice adds nothing.")
        @OptionGroup var ledger: LedgerOptions
        @Argument(help: ArgumentHelp("A file written by `cardbatch ledger export`.", valueName: "file")) var file: String

        func run() throws {
            let contents: LedgerContents
            do {
                contents = try JSONDecoder().decode(LedgerContents.self, from: Data(contentsOf: URL(fileURLWithPath: file))).validated()
            } catch {
                StandardError.print("cardbatch: \(file): \(error)")
                throw ExitCode(65)
            }
            let opened = try LedgerCommand.open(ledger)
            defer { PostgresLedger.close(opened) }
            let summary = try opened.add(contents)
            print("imported \(summary.bundlesAdded) bundles (\(summary.bundlesPresent) already present), \(summary.employeesAdded) accepted employees, \(summary.journeysAdded) journeys (\(summary.journeysPresent) already present)")
            if summary.employeesHeldElsewhere > 0 {
                StandardError.print("cardbatch: \(summary.employeesHeldElsewhere) employee(s) were already accepted through another bundle in this ledger: the earlier acceptance stays")
            }
        }
    }
}
