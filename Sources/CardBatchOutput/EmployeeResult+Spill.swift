import CardBatchCore

/// How one judged employee is written to the results spill and read back (`ResultSpill`).
extension EmployeeResult {
    func encode(into e: inout SpillEncoder) {
        record.encode(into: &e)
        e.text(recordKey)
        e.optional(keptPhoto) { e, photo in
            e.text(photo.entry)
            e.integer(photo.byteCount)
            e.text(photo.signature.rawValue)
            e.text(photo.sha256)
        }
        e.integer(findings.count)
        for finding in findings { finding.encode(into: &e) }
        e.optionalText(thumbnail)
    }

    init?(decoding d: inout SpillDecoder) {
        guard let record = EmployeeRecord(decoding: &d), let key = d.text() else { return nil }
        let kept: KeptPhoto?? = d.optional { d in
            guard let entry = d.text(), let byteCount = d.integer(), let signature = d.text().flatMap(FileSignature.init(rawValue:)),
                  let sha256 = d.text() else { return nil }
            return KeptPhoto(entry: entry, byteCount: byteCount, signature: signature, sha256: sha256)
        }
        guard let kept, let findingCount = d.integer(), findingCount >= 0 else { return nil }
        var findings: [Finding] = []
        for _ in 0..<findingCount {
            guard let finding = Finding(decoding: &d) else { return nil }
            findings.append(finding)
        }
        guard let thumbnail = d.optionalText() else { return nil }
        self.init(record: record, recordKey: key, kept: kept, sortedFindings: findings)
        self.thumbnail = thumbnail
    }
}

extension Finding {
    func encode(into e: inout SpillEncoder) {
        e.text(rule)
        e.byte(severity == .error ? 0 : 1)
        e.byte(scope == .bundle ? 0 : 1)
        e.text(location.bundle)
        e.optionalText(location.entry)
        e.optionalInteger(location.line)
        e.optionalInteger(location.row)
        e.optionalText(location.path)
        e.optionalText(field)
        e.optionalText(value)
        e.optionalText(expected)
        e.text(message.en)
        e.text(message.zh)
    }

    init?(decoding d: inout SpillDecoder) {
        guard let rule = d.text(), let severity = d.byte(), let scope = d.byte(), let bundle = d.text(),
              let entry = d.optionalText(), let line = d.optionalInteger(), let row = d.optionalInteger(), let path = d.optionalText(),
              let field = d.optionalText(), let value = d.optionalText(), let expected = d.optionalText(),
              let en = d.text(), let zh = d.text() else { return nil }
        self.init(rule: rule, severity: severity == 0 ? .error : .warning, scope: scope == 0 ? .bundle : .employee,
                  location: Location(bundle: bundle, entry: entry, line: line, row: row, path: path),
                  field: field, value: value, expected: expected, message: LocalizedText(en: en, zh: zh))
    }
}
