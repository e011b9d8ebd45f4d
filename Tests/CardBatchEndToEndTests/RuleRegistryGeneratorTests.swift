import CardBatchTestSupport
import Foundation
import Testing

/// Adding a rule is adding its file: the registry's groups are generated from the rule files at
/// build time (RuleRegistryPlugin runs RuleRegistryGenerator). These run the built generator on the
/// real rule files plus one new file, as the build does.
struct RuleRegistryGeneratorTests {
    let rules = "\(CardBatchBinary.root)/Sources/CardBatchCore/Rules"

    var ruleFiles: [String] {
        (FileManager.default.enumerator(atPath: rules)?.compactMap { $0 as? String } ?? []).filter { $0.hasSuffix(".swift") }.map { "\(rules)/\($0)" }
    }

    func generate(adding source: String) throws -> (status: Int32, registry: String, stderr: String) {
        let dir = TemporaryDirectory()
        try Data(source.utf8).write(to: URL(fileURLWithPath: dir.file("EmployeeNicknameRule.swift")))
        let run = try Subprocess.run(CardBatchBinary.path("RuleRegistryGenerator"), [dir.file("out.swift")] + ruleFiles + [dir.file("EmployeeNicknameRule.swift")])
        return (run.status, (try? String(contentsOfFile: dir.file("out.swift"), encoding: .utf8)) ?? "", run.stderr)
    }

    @Test func aNewRuleFileJoinsTheGroupOfTheSubjectItChecks() throws {
        let (status, registry, _) = try generate(adding: """
            public struct EmployeeNicknameRule: Rule {
                public func check(_ subject: EmployeeSubject, in context: RuleContext) -> [Finding] { [] }
            }
            """)
        #expect(status == 0)
        let name = try #require(registry.firstRange(of: "generatedEmployeeRules")).upperBound
        let start = try #require(registry[name...].firstRange(of: "= [\n")).upperBound
        let end = try #require(registry[start...].firstRange(of: "\n    ]")).lowerBound
        let group = registry[start..<end]
        #expect(group.contains("EmployeeNicknameRule(),"))
        #expect(group.contains("EmployeeAdultRule(),"))
        #expect(!registry.contains("PhotoFinding"))
    }

    @Test func aRuleOverASubjectNoGroupTakesIsRefusedSayingWhatToDo() throws {
        let (status, _, stderr) = try generate(adding: """
            public struct EmployeeNicknameRule: Rule {
                public func check(_ subject: String, in context: RuleContext) -> [Finding] { [] }
            }
            """)
        #expect(status == 1)
        #expect(stderr.contains("EmployeeNicknameRule judges String, which no group of RuleRegistry takes"))
    }
}
