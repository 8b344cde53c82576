import Foundation
import Testing
@testable import TagihIO

/// Removing a month folder, the way a run drops the folder it replaced.
@Suite struct FileTreeTests {
    /// Files, nested folders and hard links go; a symbolic link goes without what it points
    /// to; removing again, or a path never there, is no error.
    @Test func removesTheTreeButNotWhatItsLinksPointTo() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tagih-tree-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let tree = root + "/2026-11"
        let outside = root + "/kept"
        try FileManager.default.createDirectory(atPath: tree + "/outbox/2026-11-01/mail", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try Data("kept".utf8).write(to: URL(fileURLWithPath: outside + "/state.yaml"))
        for index in 0..<50 {
            try Data("mail \(index)".utf8).write(to: URL(fileURLWithPath: tree + "/outbox/2026-11-01/mail/\(index).eml"))
        }
        #expect(link(outside + "/state.yaml", tree + "/state.yaml") == 0)
        try FileManager.default.createSymbolicLink(atPath: tree + "/outbox/elsewhere", withDestinationPath: outside)

        #expect(FileTree.remove(tree))
        #expect(!FileManager.default.fileExists(atPath: tree))
        #expect(try String(contentsOfFile: outside + "/state.yaml", encoding: .utf8) == "kept")
        #expect(FileTree.remove(tree))
        // A single file is removed too.
        #expect(FileTree.remove(outside + "/state.yaml"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
    }
}
