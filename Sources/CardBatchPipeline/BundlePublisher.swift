import CardBatchCore
import CardBatchOutput

/// Writes a judged bundle's reports (and for `process` its accepted records) and the manifest, then
/// publishes the folder with one rename; with a ledger, inside a `LedgerReservation`. Employees
/// another bundle already holds are rejected before anything is written.
enum BundlePublisher {
    static func publish(_ result: BundleResult, job: BundleJob, options: ProcessingOptions, staged existing: StagedFolder?,
                        rosterEntry: String?) throws(OutputError) -> BundleOutcome {
        let staged: StagedFolder
        if let existing {
            staged = existing
        } else {
            staged = try StagedFolder(parent: options.outputDirectory, name: job.outputName, settings: options.configuration.output)
        }
        var result = result
        var reservation: LedgerReservation? = nil
        if options.mode == .process, let ledger = options.ledger, !result.sha256.isEmpty {
            do throws(OutputError) {
                switch try LedgerReservation.reserve(result, output: staged.finalPath, in: ledger, processingDate: options.processingDate,
                                                           pendingWait: options.pendingWait) {
                case .alreadyRecorded(let earlier):
                    staged.discard()
                    return BundleProcessor.resubmission(of: earlier, name: result.bundleFile, sha: result.sha256, size: result.byteCount, options: options)
                case .reserved(let reserved, let conflicts):
                    reservation = reserved
                    try refuse(conflicts, in: &result, staged: staged, options: options, rosterEntry: rosterEntry)
                }
            } catch {
                staged.discard()
                reservation?.abandon()
                throw error
            }
        }
        var manifest = ""
        staged.removeEmptyResultFolders(acceptedCount: result.acceptedCount, rejectedCount: result.rejectedCount)
        do throws(OutputError) {
            try ReportWriter.write(result, to: staged, acceptedRecords: options.mode == .process,
                                   html: options.mode == .precheck ? options.reportLanguage : nil,
                                   personalData: PersonalDataNotice(retentionDays: options.configuration.retention.resultDays,
                                                                    processingDate: options.processingDate))
            manifest = try staged.writeManifest()
            try reservation?.confirm(result)
            try staged.publish()
        } catch {
            staged.discard()
            reservation?.abandon()
            throw error
        }
        reservation?.complete(result)
        return BundleOutcome(result: result, outputPath: staged.finalPath, manifestSHA256: manifest)
    }

    /// Rejects the employees another bundle already holds, naming it, and takes their staged photos back.
    static func refuse(_ conflicts: [EmployeeIdentity: LedgerBundle], in result: inout BundleResult, staged: StagedFolder,
                       options: ProcessingOptions, rosterEntry: String?) throws(OutputError) {
        guard !conflicts.isEmpty else { return }
        let context = RuleContext(processingDate: options.processingDate, configuration: options.configuration,
                                  bundle: result.bundleFile, rosterEntry: rosterEntry ?? "")
        var added: [Int: [Finding]] = [:]
        for i in result.employees.indices where result.employees.isAccepted(at: i) {
            let employee = result.employees[i]
            guard let earlier = conflicts[employee.identity] else { continue }
            added[i] = RuleRegistry.run(RuleRegistry.ledgerRules, on: (employee.record, earlier), in: context)
            try staged.withdrawAcceptedPhoto(key: employee.recordKey)
        }
        result.employees = result.employees.adding(added)
    }
}
