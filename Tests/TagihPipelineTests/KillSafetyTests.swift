import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// A run killed with SIGKILL part-way (power cut, OOM killer, an impatient operator) leaves
/// the earlier output of the period exactly as it was; the next run cleans up after it.
@Suite(.serialized) struct KillSafetyTests {
    func snapshot(_ folder: URL) -> [String: Data] { Golden.bytes(of: folder) }

    /// Starts a run and kills it once `ready` says the run is far enough, polling its work folder
    /// (and its scratch folder beside it).
    func runAndKill(_ arguments: [String], outputParent: URL, when ready: (URL, URL) -> Bool) throws -> Int32 {
        let process = Process()
        process.executableURL = Paths.tagih
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["TAGIH_SECRET": sampleSecret]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let work = outputParent.appendingPathComponent(".tagih-2026-11-\(process.processIdentifier)")
        let scratch = outputParent.appendingPathComponent(".tagih-scratch-\(process.processIdentifier)")
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline && !ready(work, scratch) { usleep(2_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationStatus
    }

    static let stages: [(name: String, ready: @Sendable (URL, URL) -> Bool)] = [
        ("while reading payments", { _, scratch in FileManager.default.fileExists(atPath: scratch.appendingPathComponent("state-payments.bin").path) }),
        ("while applying payments", { work, _ in FileManager.default.fileExists(atPath: work.appendingPathComponent("runs/2026-11-30/payments.bin").path) }),
        ("while mailing invoices", { work, _ in
            ((try? FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("outbox/2026-11-30/mail").path))?.count ?? 0) > 50
        }),
        ("while writing workbooks", { work, _ in FileManager.default.fileExists(atPath: work.appendingPathComponent("invoices.xlsx").path) }),
    ]

    @Test func aKilledRunLeavesTheEarlierOutputIntact() throws {
        let input = try SyntheticMonth.input(payments: 20_000)
        let parent = Paths.temporaryFolder("tagih-kill")
        defer { try? FileManager.default.removeItem(at: parent) }
        // October's run gives November a state to start from; every run below re-runs November
        // from it, as an operator re-runs a month on purpose (--state).
        let october = Paths.temporaryFolder("tagih-kill-october").appendingPathComponent("2026-10")
        defer { try? FileManager.default.removeItem(at: october.deletingLastPathComponent()) }
        #expect(try runTagih(["run", "--input", input.path, "--output", october.path, "--period", "2026-10"]).status == 0)
        let output = parent.appendingPathComponent("2026-11")
        let arguments = ["run", "--input", input.path, "--output", output.path, "--period", "2026-11", "--state", october.appendingPathComponent("state.yaml").path]

        let first = try runTagih(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        let before = snapshot(output)
        #expect(before.keys.contains("invoices.xlsx") && before.keys.contains("state.yaml"))

        for stage in Self.stages {
            let status = try runAndKill(arguments, outputParent: parent, when: stage.ready)
            #expect(status == SIGKILL, "the run ended before it could be killed \(stage.name)")
            let after = snapshot(output)
            #expect(after.keys.sorted() == before.keys.sorted(), "files changed after a kill \(stage.name)")
            #expect(after == before, "bytes changed after a kill \(stage.name)")
        }

        // The next run removes what the killed ones left and writes the same bytes as the first.
        let again = try runTagih(arguments)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(snapshot(output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0.hasPrefix(".tagih-2026-11-") || $0.hasPrefix(".tagih-scratch-") }
        #expect(leftovers.isEmpty)
    }
}
