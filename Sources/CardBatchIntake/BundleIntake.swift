public import CardBatchCore
public import CardBatchNative

/// A bundle whose archive, roster and letter passed the bundle-level rules: ready for its employees
/// to be checked.
public struct PreparedBundle: Sendable {
    public let path: String
    /// The archive, opened once: its one libzip handle (and central directory) serves every worker.
    public let archive: ZipArchive
    public let context: RuleContext
    public let roster: Roster
    public let facts: BundleFacts
    /// For each employee (same order as `roster.employees`), the index of the entry holding their
    /// photo, or -1: 4 bytes an employee, where the entry's facts with its name would be some 100.
    let photoEntryIndices: [Int32]
    /// Bundle-level findings so far (warnings only, or the bundle would have been rejected).
    public let findings: [Finding]

    /// The entry holding the photo of employee `employee` (a position in `roster.employees`), read
    /// back from libzip; nil when the roster names no photo or no file of that name.
    public func photoEntry(_ employee: Int) -> ArchiveEntryFacts? {
        let index = photoEntryIndices[employee]
        guard index >= 0 else { return nil }
        return EntryName.facts(in: archive, at: index)
    }
}

/// How the bundle-level stage ended.
public enum IntakeResult: Sendable {
    /// Refused as a whole; the findings say why (warnings found on the way are included). The
    /// roster, when it could be read, names the employees whose reports must point at the reason.
    case rejected([Finding], rosterFormat: RosterFormat?, roster: Roster? = nil)
    case ready(PreparedBundle)
}

/// The bundle-level stage: open the archive with libzip, judge its central directory, find and
/// parse the roster, inspect the letter, and map each employee to a photo entry. Nothing is
/// extracted to disk; entries are inflated into memory one at a time, within the caps.
public enum BundleIntake {
    /// `recordStorage` keeps the roster's employees out of memory (`RosterSpill`); nil keeps them in memory.
    public static func open(path: String, name: String, processingDate: CalendarDate, configuration: Configuration,
                            permits: PermitExtract? = nil, recordStorage: (any RecordStorage)? = nil) -> IntakeResult {
        var context = RuleContext(processingDate: processingDate, configuration: configuration, bundle: name, rosterEntry: "", permits: permits)
        let limits = configuration.archive
        let archive: ZipArchive
        do {
            archive = try ZipArchive(path: path)
        } catch {
            return .rejected([unreadable(context, error.message)], rosterFormat: nil)
        }

        var findings = RuleRegistry.run(RuleRegistry.entryCountRules, on: archive.entryCount, in: context)
        if findings.hasErrors { return .rejected(findings, rosterFormat: nil) }
        // The catalogue and the photo map keep entry indices in 32 bits (whatever archive.maxEntries says).
        guard archive.entryCount <= Int(Int32.max) else {
            return .rejected([unreadable(context, "it has \(archive.entryCount) entries, more than cardbatch can index")], rosterFormat: nil)
        }

        // Every entry's facts are held only while the archive rules judge them: what stays is the
        // catalogue, which reads names back from libzip.
        let catalogue: ArchiveCatalogue
        let rosterContract: String
        do {
            var entries: [ArchiveEntryFacts] = []
            entries.reserveCapacity(archive.entryCount)
            for index in 0..<archive.entryCount {
                do {
                    entries.append(EntryName.facts(try archive.entry(at: index)))
                } catch {
                    return .rejected([unreadable(context, error.message)], rosterFormat: nil)
                }
            }
            for entry in entries { findings += RuleRegistry.run(RuleRegistry.archiveEntryRules, on: entry, in: context) }
            findings += RuleRegistry.run(RuleRegistry.archiveRules, on: ArchiveFacts(entries: entries), in: context)
            if findings.hasErrors { return .rejected(findings, rosterFormat: nil) }

            // Contract names: junk ignored, a single wrapping folder stripped.
            let wrapper = BundleLayout.wrapperPrefix(of: entries.map(\.name))
            let files = entries.filter { $0.kind == .file && !BundleLayout.isIgnored($0.name) }
            entries = []
            let contractNames = files.map { BundleLayout.contractName($0.name, wrapper: wrapper) }
            findings += RuleRegistry.run(RuleRegistry.layoutRules, on: contractNames, in: context)
            if findings.hasErrors { return .rejected(findings, rosterFormat: nil) }
            rosterContract = BundleLayout.rosterCandidates(in: contractNames)[0]
            catalogue = ArchiveCatalogue(archive: archive, files: files, wrapper: wrapper)
        }
        // Which files the roster refers to, by entry index.
        var referenced = [Bool](repeating: false, count: archive.entryCount)

        // The roster.
        guard let rosterEntry = catalogue[BundleLayout.referenceKey(rosterContract)] else {
            return .rejected([unreadable(context, "the entry \(rosterContract) could not be read a second time")], rosterFormat: nil)
        }
        referenced[rosterEntry.index] = true
        let format: RosterFormat = rosterContract.lowercased().hasSuffix(".xml") ? .xml : .csv
        context.rosterEntry = rosterEntry.name
        guard rosterEntry.declaredSize <= UInt64(limits.maxRosterBytes) else {
            findings.append(RosterTooLargeRule.description.finding(
                at: Location(bundle: name, entry: rosterEntry.name), value: "\(rosterEntry.declaredSize) bytes", expected: "at most \(limits.maxRosterBytes) bytes",
                en: "The roster \(rosterEntry.name) is \(rosterEntry.declaredSize) bytes; at most \(limits.maxRosterBytes) bytes are accepted.",
                zh: "名册 \(rosterEntry.name) 为 \(rosterEntry.declaredSize) 字节，上限为 \(limits.maxRosterBytes) 字节。"
            ))
            return .rejected(findings, rosterFormat: format)
        }
        let parsed: RosterParseResult
        let records = recordStorage.map(EmployeeRecords.init(storage:)) ?? []
        if format == .csv {
            // Inflated whole, then read in place (UTF-8) or decoded (GB18030): see `RosterText`.
            let (rosterBytes, rosterRead) = archive.read(index: rosterEntry.index, limit: rosterEntry.declaredSize)
            findings += inflationFindings(rosterEntry, rosterRead, context)
            if findings.hasErrors { return .rejected(findings, rosterFormat: format) }
            parsed = CSVRosterParser.parse(decoded: RosterText.decode(rosterBytes), entry: rosterEntry.name, context: context, into: records)
        } else {
            // Pulled from the archive as libxml2 reads it: only its input buffer holds the roster.
            let stream = archive.open(index: rosterEntry.index, limit: rosterEntry.declaredSize)
            let xml = XMLRosterParser.parse(entry: rosterEntry.name, context: context, into: records) { stream.read(into: $0) }
            // Read to its end even when the parser stopped early: a damaged entry is reported as
            // damaged, whatever the parser made of it.
            findings += inflationFindings(rosterEntry, stream.finish(), context)
            if findings.hasErrors { return .rejected(findings, rosterFormat: format) }
            parsed = xml
        }
        findings += parsed.findings
        guard let roster = parsed.roster, !findings.hasErrors else { return .rejected(findings, rosterFormat: format) }
        if roster.employees.isEmpty {
            // Nothing else can be judged of an empty roster (a CSV one has not even an employer row).
            let facts = BundleFacts(rosterFormat: format, header: roster.header, employeeCount: 0, letter: nil)
            return .rejected(findings + RosterEmptyRule().check(facts, in: context), rosterFormat: format)
        }

        // The letter.
        var letter: LetterFacts? = nil
        if !roster.header[.letterFile].isEmpty, let letterEntry = catalogue[BundleLayout.referenceKey(roster.header[.letterFile])] {
            referenced[letterEntry.index] = true
            if letterEntry.declaredSize > UInt64(limits.maxLetterBytes) {
                letter = LetterFacts(entry: letterEntry.name, byteCount: Int(letterEntry.declaredSize), signature: .unknown,
                                     structureProblem: "it is larger than the \(limits.maxLetterBytes)-byte limit")
            } else {
                let (bytes, outcome) = archive.read(index: letterEntry.index, limit: letterEntry.declaredSize)
                findings += inflationFindings(letterEntry, outcome, context)
                if findings.hasErrors { return .rejected(findings, rosterFormat: format, roster: roster) }
                letter = LetterInspector.inspect(entry: letterEntry.name, bytes: bytes)
            }
        }

        // Photos.
        var photoEntryIndices: [Int32] = []
        photoEntryIndices.reserveCapacity(roster.employees.count)
        for employee in roster.employees {
            let entry = employee[.photo].isEmpty ? nil : catalogue[BundleLayout.referenceKey(employee[.photo])]
            if let entry { referenced[entry.index] = true }
            photoEntryIndices.append(entry.map { Int32($0.index) } ?? -1)
        }
        // A file is referenced when its key is: a file that shares its key with a later one (which
        // the lookups found) counts as referenced too.
        let unreferenced = catalogue.files.filter { !referenced[Int($0)] }.compactMap { catalogue.facts(at: $0) }.filter { file in
            guard let found = catalogue[catalogue.key(of: file)] else { return true }
            return !referenced[found.index]
        }.map(\.name)

        let facts = BundleFacts(rosterFormat: roster.format, header: roster.header, employeeCount: roster.employees.count,
                                letter: letter, unreferencedEntries: unreferenced)
        findings += RuleRegistry.run(RuleRegistry.bundleRules, on: facts, in: context)
        if findings.hasErrors { return .rejected(findings, rosterFormat: format, roster: roster) }
        return .ready(PreparedBundle(path: path, archive: archive, context: context, roster: roster, facts: facts, photoEntryIndices: photoEntryIndices, findings: findings))
    }

    public static func unreadable(_ context: RuleContext, _ reason: String) -> Finding {
        BundleUnreadableRule.description.finding(
            at: Location(bundle: context.bundle), value: reason, expected: "a readable ZIP file",
            en: "\(context.bundle) cannot be opened as a ZIP file (\(reason)). Submit a .zip made by your system's \"compress\" command, not RAR or 7z.",
            zh: "\(context.bundle) 无法作为 ZIP 压缩包打开（\(reason)）。请用系统自带的“压缩”功能制作 .zip 文件，不要使用 RAR 或 7z。"
        )
    }

    static func inflationFindings(_ entry: ArchiveEntryFacts, _ outcome: StreamOutcome, _ context: RuleContext) -> [Finding] {
        let facts = InflationFacts(entry: entry.name, declaredSize: entry.declaredSize, inflatedBytes: outcome.inflatedBytes,
                                   stoppedEarly: outcome.exceededLimit, failure: outcome.failure)
        return RuleRegistry.run(RuleRegistry.inflationRules, on: facts, in: context)
    }
}
