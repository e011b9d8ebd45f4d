import ArgumentParser
import CardBatchCore
import CardBatchLedger
import CardBatchOutput
import Foundation

struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Look after the ledger: its schema, state, secret and run history, and moving an SQLite ledger into a shared PostgreSQL one.",
        subcommands: [Migrate.self, Status.self, InitSecret.self, History.self, Verify.self, Export.self, Import.self]
    )

    /// The ledger named with --ledger (required here: there is no output folder to default to).
    static func open(_ options: LedgerOptions) throws -> any StoredLedger {
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
            let current = try opened.status().schemaVersion
            print(opened.migrationsApplied.isEmpty ? "ledger schema already current (version \(current))"
                                                   : "ledger schema migrated to version \(current) (applied: \(opened.migrationsApplied.map(String.init).joined(separator: ", ")))")
            if opened.migrationsApplied.contains(2) {
                print("employees are now held by keys under \(opened.secret.path) (fingerprint \(opened.secret.fingerprint)); no passport number is left in the ledger")
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
            print("secret: fingerprint \(status.keyFingerprint)")
            print("history: \(status.historyEntries) runs" + (status.historyEntries > 0 ? ", head \(status.historyHead)" : ""))
            if let live = status.liveSessions, let expired = status.expiredSessions, let claims = status.claims, let stale = status.expiredClaims {
                print("sessions: \(live) live, \(expired) expired")
                print("claims: \(claims) held, \(stale) expired (taken over by the next watcher pass)")
            }
        }
    }

    struct InitSecret: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init-secret",
            abstract: "Make a new ledger secret: 32 random bytes in a file only its owner can read. Never replaces an existing file.")
        @OptionGroup var ledger: LedgerOptions

        func run() throws {
            // Where the secret goes is never guessed from the working folder.
            let named = ledger.secret != nil || ProcessInfo.processInfo.environment["CARDBATCH_LEDGER_SECRET"] != nil
            guard named || (ledger.ledger != nil && !ledger.isShared), let path = try? ledger.secretPath(directory: ".") else {
                throw ValidationError("name the file with --secret FILE (or CARDBATCH_LEDGER_SECRET, or --ledger for the file beside an SQLite ledger)")
            }
            do {
                let secret = try LedgerSecret.create(path: path)
                print("created \(path) (fingerprint \(secret.fingerprint)): copy it, by a safe channel, to every host sharing the ledger, and back it up")
            } catch {
                StandardError.print("cardbatch: \(error)")
                throw ExitCode(73)
            }
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the recorded runs (process, precheck, watch passes, purges): when, where, by whom, with which tool, rules and configuration, on which bundles, and the counts.")
        @OptionGroup var ledger: LedgerOptions
        @Option(name: .long, help: ArgumentHelp("Only runs that ended on or after this date (YYYY-MM-DD) or time (ISO 8601, UTC).", valueName: "date"))
        var since: String?
        @Flag(name: .long, help: "One JSON object per run, one per line.") var json = false

        func validate() throws {
            if let since, CalendarDate(iso: String(since.prefix(10))) == nil {
                throw ValidationError("--since \"\(since)\" is not a date written YYYY-MM-DD (or an ISO 8601 time)")
            }
        }

        func run() throws {
            let opened = try LedgerCommand.open(ledger)
            defer { PostgresLedger.close(opened) }
            let entries = try opened.history(since: since)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                for entry in entries { print(String(decoding: try encoder.encode(entry), as: UTF8.self)) }
                return
            }
            if entries.isEmpty { print("no runs recorded" + (since.map { " since \($0)" } ?? "")) }
            for entry in entries {
                let run = entry.run
                let counts = run.counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                print("#\(entry.sequence) \(run.at) \(run.kind.rawValue) on \(run.host) by \(run.user), cardbatch \(run.toolVersion), rules \(run.ruleSetVersion)")
                if !run.configurationSHA256.isEmpty { print("    configuration \(run.configurationSHA256.prefix(16))") }
                if !counts.isEmpty { print("    \(counts)") }
                if !run.dates.isEmpty { print("    " + run.dates.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")) }
                for input in run.inputs { print("    bundle   \(input)") }
                for output in run.outputs { print("    manifest \(output)") }
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the run history's chain: every entry's digest (keyed with the ledger's secret) and its link to the one before. Exit 0 when intact, 1 when not.")
        @OptionGroup var ledger: LedgerOptions
        @Option(name: .long, help: ArgumentHelp("A head recorded earlier (SEQ:DIGEST, as `verify` prints it); checks it is still in the chain, so entries removed from the end are found too.", valueName: "seq:digest"))
        var head: String?
        @Flag(name: .long, help: "One JSON object instead of text.") var json = false

        func validate() throws {
            if let head, HistoryAnchor(head) == nil { throw ValidationError("--head is SEQ:DIGEST, as `ledger verify` prints it") }
        }

        func run() throws {
            let opened = try LedgerCommand.open(ledger)
            defer { PostgresLedger.close(opened) }
            let check = try opened.verifyHistory(anchor: head.flatMap(HistoryAnchor.init))
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                print(String(decoding: try encoder.encode(check), as: UTF8.self))
            } else if check.isIntact {
                print("history intact: \(check.entries) runs, head \(check.headSequence):\(check.headDigest)")
            } else {
                print("history NOT intact: \(check.problems.count) problem(s) in \(check.entries) runs")
                for problem in check.problems { print("  \(problem)") }
            }
            if !check.isIntact { throw ExitCode(1) }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the ledger's finished bundles, accepted employees (by key) and journeys to a JSON file (owner-only).")
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
