import CardBatchOutput
import CardBatchTestSupport
import Foundation
import Testing

struct DurableFilesTests {
    func mode(_ path: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! Int
    }

    @Test func replaceSwapsInTheNewBytesWithTheGivenModeAndLeavesNoTemporaryFile() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("metrics.prom")
        try Data("old, readable by all".utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o644)
        try DurableFiles.replace(Array("new".utf8), at: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        #expect(try mode(path) == 0o600)
        try DurableFiles.replace(Array("newer".utf8), at: path, mode: 0o640)
        #expect(try mode(path) == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["metrics.prom"])
    }

    @Test func aReplaceThatCannotRenameKeepsTheOldEntryAndRemovesItsTemporaryFile() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("taken")
        try FileManager.default.createDirectory(atPath: path + "/inside", withIntermediateDirectories: true)
        #expect(throws: OutputError.self) { try DurableFiles.replace(Array("x".utf8), at: path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["taken"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: path) == ["inside"])
    }
}
