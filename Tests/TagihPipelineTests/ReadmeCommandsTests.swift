import Foundation
import Testing
import TestSupport

/// Every command the README shows, run as written, in order, in a folder holding a copy of
/// the sample `input/`: each `tagih` line of its `sh` blocks must succeed. `make` lines are
/// what `make test` itself is; `export NAME=value` lines set the environment of the rest.
@Suite struct ReadmeCommandsTests {
    struct Command {
        let line: String
        let words: [String]
    }

    static func commands() throws -> (run: [Command], environment: [String: String]) {
        let text = try String(contentsOf: Paths.root.appendingPathComponent("README.md"), encoding: .utf8)
        var commands: [Command] = []
        var environment: [String: String] = [:]
        var inShell = false
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if line.hasPrefix("```") { inShell = line == "```sh"; continue }
            guard inShell else { continue }
            let command = (line.range(of: "  #").map { String(line[..<$0.lowerBound]) } ?? line).trimmingCharacters(in: .whitespaces)
            if command.hasPrefix("export ") {
                let assignment = command.dropFirst(7)
                if let equals = assignment.firstIndex(of: "="), !assignment.contains("$") {
                    environment[String(assignment[..<equals])] = String(assignment[assignment.index(after: equals)...])
                }
            } else if command.hasPrefix("tagih ") {
                commands.append(Command(line: command, words: command.split(separator: " ").dropFirst().map(String.init)))
            }
        }
        return (commands, environment)
    }

    @Test func everyCommandTheReadmeShowsWorksAsWritten() throws {
        let (commands, environment) = try Self.commands()
        #expect(commands.count >= 6)
        #expect(environment["TAGIH_SECRET"] == sampleSecret)
        #expect(commands.contains { $0.words.first == "overdue" })
        let folder = Paths.temporaryFolder("tagih-readme")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Paths.root.appendingPathComponent("input"), to: folder.appendingPathComponent("input"))

        var invoicesAfterDailyRuns: Data?
        for command in commands {
            let result = try runTagih(command.words, in: folder, environment: environment)
            #expect(result.status == 0, "\(command.line)\n\(result.stderr)")
            guard result.status == 0 else { return }
            if command.words.contains("--period") {
                invoicesAfterDailyRuns = try Data(contentsOf: folder.appendingPathComponent("output/2026-11/invoices.xlsx"))
            }
        }
        let month = folder.appendingPathComponent("output/2026-11")
        let runs = try FileManager.default.contentsOfDirectory(atPath: month.appendingPathComponent("runs").path).sorted()
        #expect(runs == ["2026-11-10", "2026-11-30"])
        let replaced = try FileManager.default.contentsOfDirectory(atPath: month.appendingPathComponent("replaced").path).sorted()
        #expect(replaced == ["2026-11-20", "2026-11-30"])
        // The re-run from the 10th in one go bills what the runs of the 20th and 30th billed.
        #expect(try Data(contentsOf: month.appendingPathComponent("invoices.xlsx")) == invoicesAfterDailyRuns)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("output/overdue-2026-12-05/overdue.csv").path))
    }
}
