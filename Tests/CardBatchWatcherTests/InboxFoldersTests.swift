import CardBatchCore
import CardBatchLedger
import CardBatchSamples
import CardBatchTestSupport
import CardBatchWatcher
import Foundation
import Logging
import Testing

struct InboxFoldersTests {
    @Test func onlyOneOfTwoWatchersClaimsABundle() throws {
        let dir = TemporaryDirectory()
        let a = InboxFolders(inbox: dir.path, owner: "host-1"), b = InboxFolders(inbox: dir.path, owner: "host-2")
        try a.create(); try b.create()
        try Data("x".utf8).write(to: URL(fileURLWithPath: dir.file("n.zip")))
        let first = try a.claim("n.zip"), second = try b.claim("n.zip")
        #expect(first == dir.path + "/processing/host-1/n.zip")
        #expect(second == nil)
    }

    @Test func aNameClashIsResolvedWithASuffixNeverByOverwriting() throws {
        let dir = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.file("archive"), withIntermediateDirectories: true)
        try Data("old".utf8).write(to: URL(fileURLWithPath: dir.file("archive/b.zip")))
        try Data("new".utf8).write(to: URL(fileURLWithPath: dir.file("b.zip")))
        let moved = try InboxFolders.moveUnique(dir.file("b.zip"), into: dir.file("archive"))
        #expect(moved == dir.file("archive/b-2.zip"))
        #expect(String(decoding: FileManager.default.contents(atPath: dir.file("archive/b.zip"))!, as: UTF8.self) == "old")
    }

    @Test func claimFoldersOfDeadWatchersOnThisHostAreOrphansButLiveOnesAreNot() throws {
        let dir = TemporaryDirectory()
        let me = InboxFolders(inbox: dir.path)
        try me.create()
        let host = ProcessInfo.processInfo.hostName
        try FileManager.default.createDirectory(atPath: dir.file("processing/\(host)-999999"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir.file("processing/\(host)-1"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir.file("processing/otherhost-5"), withIntermediateDirectories: true)
        #expect(me.orphanedClaimFolders() == [dir.file("processing/\(host)-999999")])
    }
}
