import Foundation
import Testing
import TestSupport
@testable import TagihPipeline

/// The progress line: drawn on a terminal, never written into a log or a pipe.
@Suite struct ProgressLineTests {
    @Test func theLineShowsPhaseRowsGroupedAndElapsedTime() {
        #expect(Progress.Snapshot(phase: "reading the payments", rowsRead: 1_204_224).line(elapsedSeconds: 67)
            == "tagih: reading the payments · 1,204,224 rows read · 1:07")
        #expect(Progress.Snapshot(phase: "reading the tables", rowsRead: 1).line(elapsedSeconds: 5)
            == "tagih: reading the tables · 1 row read · 0:05")
        #expect(Progress.Snapshot(phase: "writing the mail", rowsRead: 999).line(elapsedSeconds: 600)
            == "tagih: writing the mail · 999 rows read · 10:00")
    }

    /// Rows are published in batches and the remainder at the end of each table, so the
    /// count after a check is every row of the sample month exactly.
    @Test func checkCountsEveryRowRead() throws {
        let input = Paths.root.appendingPathComponent("input").path
        let progress = Progress()
        let outcome = Progress.$current.withValue(progress) { check(input) }
        #expect(outcome.exitCode == 0)
        let snapshot = progress.snapshot
        #expect(snapshot.phase == "reading the payments")
        // The sample's data rows, counted by hand from the files: every table and payment source.
        let expected = try sampleRowCount(in: input)
        #expect(snapshot.rowsRead == expected)
    }

    @Test func nothingOfItWhenStderrIsNotATerminal() throws {
        let folder = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runTagih(["run", "--input", Paths.root.appendingPathComponent("input").path, "--output", folder.path, "--period", "2026-11"],
                                  environment: ["TAGIH_SECRET": sampleSecret, "TAGIH_PROGRESS_DELAY": "0"])
        #expect(result.status == 0)
        // The sample's warnings, and nothing else: no line, no escape sequences.
        #expect(result.stderr.split(separator: "\n").allSatisfy { $0.contains(": warning: ") }, "\(result.stderr)")
        #expect(result.stderr.hasSuffix("tenants.csv:19:1: warning: phone of tenant NET-009 cannot be read as a phone number without guessing; left out of whatsapp.csv\n"))
        #expect(!result.stderr.contains("\u{1B}"))
    }

    /// With stderr on a pseudo-terminal (stdout still a pipe), the line is drawn in place
    /// and cleared at the end; the summary on stdout carries none of it.
    @Test func onATerminalTheLineIsDrawnAndCleared() throws {
        let folder = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = """
        import os, pty, subprocess, sys
        leader, follower = pty.openpty()
        env = dict(os.environ, TAGIH_PROGRESS_DELAY="0", TAGIH_SECRET=sys.argv[4])
        child = subprocess.Popen([sys.argv[1], "run", "--input", sys.argv[2], "--output", sys.argv[3], "--period", "2026-11"],
                                 stdout=subprocess.PIPE, stderr=follower, env=env)
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        out = child.stdout.read()
        status = child.wait()
        sys.stdout.write(repr((status, seen.decode(), out.decode())))
        """
        let result = try runPython(script, arguments: [Paths.tagih.path, Paths.root.appendingPathComponent("input").path, folder.path, sampleSecret])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("(0, '\\rtagih: "))
        #expect(result.stdout.contains("rows read · 0:0"))
        // The line is cleared before the diagnostics and the summary are written.
        #expect(result.stdout.contains("\\r\\x1b[K\(Paths.root.path)/input/tenants.csv:"))
        #expect(result.stdout.contains("left out of whatsapp.csv\\r\\n', "))
        #expect(result.stdout.contains("outputs in "))       // the summary still reaches stdout
        #expect(!result.stdout.contains("', 'tagih: ") && !result.stdout.contains("', \"tagih: "))       // and no progress in it
    }

    /// Data rows in every CSV, YAML sequence entry and JSON line of the sample input.
    func sampleRowCount(in input: String) throws -> Int {
        let names = try FileManager.default.contentsOfDirectory(atPath: input)
        var rows = 0
        for name in names where name != "settings.yaml" && name != "state.yaml" {
            let path = input + "/" + name
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            if name.hasSuffix(".csv") {
                rows += text.split(separator: "\n", omittingEmptySubsequences: true).count - 1
            } else if name.hasSuffix(".jsonl") {
                rows += text.split(separator: "\n", omittingEmptySubsequences: true).count
            } else if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                rows += text.split(separator: "\n").filter { $0.hasPrefix("- ") }.count
            }
        }
        return rows
    }
}
