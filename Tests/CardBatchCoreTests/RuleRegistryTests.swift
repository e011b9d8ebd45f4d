import CardBatchCore
import Foundation
import Testing

struct RuleRegistryTests {
    @Test func identifiersAreUniqueStableShapedAndDescribedInBothLanguages() {
        let all = RuleRegistry.all
        #expect(Set(all.map(\.identifier)).count == all.count)
        for rule in all {
            #expect(rule.identifier.wholeMatch(of: /[a-z]+(\.[a-z0-9]+(-[a-z0-9]+)*)+/) != nil, "\(rule.identifier)")
            #expect(!rule.title.en.isEmpty && !rule.title.zh.isEmpty && !rule.rationale.isEmpty, "\(rule.identifier)")
        }
    }

    /// A rule type written but never registered would silently never run.
    @Test func everyRuleTypeInTheSourcesIsRegistered() throws {
        let rulesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/CardBatchCore/Rules").standardized.path
        var declared: Set<String> = []
        let files = FileManager.default.enumerator(atPath: rulesFolder)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        #expect(!files.isEmpty)
        for file in files {
            let text = try String(contentsOfFile: "\(rulesFolder)/\(file)", encoding: .utf8)
            for match in text.matches(of: /public (?:struct|enum) (\w+): (?:Rule|RuleDescribing|DetectedRule) \{/) {
                declared.insert(String(match.1))
            }
        }
        let registered = Set(RuleRegistry.allTypes.map { String(describing: $0) })
        #expect(declared == registered)
    }

    /// One rule per file, the file named after its type (`EmployeeAdultRule.swift`); helpers shared
    /// by several rules live in files of other names.
    @Test func everyRuleFileHoldsExactlyTheRuleItIsNamedAfter() throws {
        let rulesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/CardBatchCore/Rules").standardized.path
        let files = FileManager.default.enumerator(atPath: rulesFolder)?.compactMap { $0 as? String }.filter { $0.hasSuffix("Rule.swift") } ?? []
        for file in files {
            let text = try String(contentsOfFile: "\(rulesFolder)/\(file)", encoding: .utf8)
            let types = text.matches(of: /public (?:struct|enum) (\w+): (?:Rule|RuleDescribing|DetectedRule) \{/).map { String($0.1) }
            #expect(types == [((file as NSString).lastPathComponent as NSString).deletingPathExtension], "\(file)")
        }
        #expect(files.count == RuleRegistry.allTypes.count)
    }

    @Test func theShippedIdentifiersAreStillThere() {
        // Reports, configuration and `explain` name these; removing or renaming one breaks users.
        let shipped = ["bundle.unreadable", "zip.path", "zip.symlink", "zip.encrypted", "zip.duplicate-name", "zip.entry-count",
                       "zip.entry-size", "zip.total-size", "zip.compression-ratio", "zip.inflated-size", "zip.entry-corrupt",
                       "zip.name-encoding", "roster.missing", "roster.multiple", "roster.syntax", "roster.schema", "roster.dtd",
                       "roster.encoding", "roster.empty", "employee.required-field", "employee.date", "employee.nationality",
                       "employee.passport-number", "employee.passport-expired", "employee.duplicate-passport",
                       "photo.missing", "photo.format", "photo.color", "photo.dimensions", "photo.file-size",
                       "letter.missing", "letter.format"]
        let ids = Set(RuleRegistry.all.map(\.identifier))
        #expect(shipped.filter { !ids.contains($0) } == [])
    }
}
