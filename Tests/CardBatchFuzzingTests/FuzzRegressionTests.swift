import CardBatchFuzzing
import CardBatchTestSupport
import Foundation
import Testing

/// Every input kept under `Tests/FuzzRegressions/<target>/` (each crasher a fuzzer or a mutation
/// campaign found, named after what it was) runs through its harness: the parser as the product runs
/// it, plus the harness's invariants. A crash here is a crash of the test process.
struct FuzzRegressionTests {
    static let folder = "\(CardBatchBinary.root)/Tests/FuzzRegressions"

    static var inputs: [String] {
        FuzzTarget.allCases.flatMap { target in
            ((try? FileManager.default.contentsOfDirectory(atPath: "\(folder)/\(target.rawValue)")) ?? [])
                .filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map { "\(target.rawValue)/\($0)" }
        }
    }

    @Test(arguments: inputs)
    func aKeptInputRunsThroughItsHarness(_ input: String) throws {
        let target = try #require(FuzzTarget(rawValue: String(input.split(separator: "/")[0])))
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(Self.folder)/\(input)")))
        target.run(bytes)
    }

    @Test func everyHarnessHasAtLeastOneKeptInput() {
        let covered = Set(Self.inputs.map { String($0.split(separator: "/")[0]) })
        #expect(covered == Set(FuzzTarget.allCases.map(\.rawValue)))
    }
}
