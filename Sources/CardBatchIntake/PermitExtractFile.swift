public import CardBatchCore
import Foundation

/// A problem with the permits file: the operator's input, so a usage error naming file and line.
public struct PermitExtractError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

/// Reads the reference extract of valid work permits: CSV (RFC 4180, UTF-8 or GB18030) with a header
/// row naming `permit_number`, `nationality`, `passport_number`, `name` and `expiry` (any order,
/// any letter case; other columns are ignored).
public enum PermitExtractFile {
    public static let columns = ["permit_number", "nationality", "passport_number", "name", "expiry"]

    public static func load(path: String) throws(PermitExtractError) -> PermitExtract {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PermitExtractError(description: "cannot read the permits file \(path)")
        }
        return try parse([UInt8](data), file: (path as NSString).lastPathComponent)
    }

    /// Reads an extract from its bytes; `file` names it in messages.
    public static func parse(_ bytes: [UInt8], file: String) throws(PermitExtractError) -> PermitExtract {
        guard case .text(let text, _) = RosterText.decode(bytes) else {
            throw PermitExtractError(description: "\(file) is neither UTF-8 nor GB18030 text")
        }
        var columnOf: [String: Int] = [:]
        var permits: [PermitRecord] = []
        var problem: String? = nil
        do {
            try RFC4180Reader.forEachRecord(in: text) { record in
                guard problem == nil else { return }
                if columnOf.isEmpty {
                    for (i, cell) in record.fields.enumerated() { columnOf[cell.trimmingWhitespace().lowercased()] = i }
                    let missing = columns.filter { columnOf[$0] == nil }
                    if !missing.isEmpty { problem = "\(file) line \(record.line): the header lacks \(missing.joined(separator: ", "))" }
                    return
                }
                if record.fields.allSatisfy({ $0.trimmingWhitespace().isEmpty }) { return }
                guard record.fields.count > columnOf.values.max()! else {
                    problem = "\(file) line \(record.line) has \(record.fields.count) cells, fewer than the header"
                    return
                }
                func cell(_ name: String) -> String { record.fields[columnOf[name]!].trimmingWhitespace() }
                permits.append(PermitRecord(permitNumber: cell("permit_number"), nationality: cell("nationality").uppercased(),
                                            passportNumber: cell("passport_number").uppercased(), name: cell("name"),
                                            expiry: cell("expiry"), line: record.line))
            }
        } catch {
            throw PermitExtractError(description: "\(file) line \(error.line) is not valid CSV: \(error.message)")
        }
        if let problem { throw PermitExtractError(description: problem) }
        return PermitExtract(source: file, permits: permits)
    }
}
