import Foundation
import Testing
import TestSupport

/// Runs the built `tagih` on committed inputs and compares every output with committed
/// expectations (workbooks unzipped part by part). `TAGIH_RECORD=1 make test` re-records
/// them and fails, so a re-record is always reviewed.
@Suite struct GoldenTests {
    static let golden = Paths.root.appendingPathComponent("Tests/TagihPipelineTests/Golden")

    /// Runs `tagih run` on `input` into a fresh folder and compares it with `expected`.
    func check(input: URL, expected: URL, arguments: [String] = []) throws {
        let output = Paths.temporaryFolder("tagih-golden").appendingPathComponent("out")
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let result = try runTagih(["run", "--input", input.path, "--output", output.path] + arguments)
        #expect(result.status == 0, "tagih run failed:\n\(result.stderr)")
        guard result.status == 0 else { return }
        for problem in try Golden.compare(output: output, expected: expected) {
            Issue.record(Comment(rawValue: problem))
        }
    }

    @Test("the sample month in input/")
    func sampleMonth() throws {
        try check(input: Paths.root.appendingPathComponent("input"), expected: Self.golden.appendingPathComponent("sample/expected"))
    }

    @Test("the sample month with each table in its other form gives the same bytes")
    func sampleMonthInOtherForms() throws {
        if Golden.isRecording { return } // it shares the sample's expectations
        try check(input: Self.golden.appendingPathComponent("sample-other-forms/input"),
                  expected: Self.golden.appendingPathComponent("sample/expected"))
    }

    @Test("a re-run of the same input writes the same bytes")
    func byteIdenticalReRun() throws {
        let base = Paths.temporaryFolder("tagih-rerun")
        defer { try? FileManager.default.removeItem(at: base) }
        let input = Paths.root.appendingPathComponent("input").path
        for name in ["a", "b"] {
            let result = try runTagih(["run", "--input", input, "--output", base.appendingPathComponent(name).path])
            #expect(result.status == 0, "\(result.stderr)")
        }
        for file in try FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent("a").path) {
            let a = try Data(contentsOf: base.appendingPathComponent("a/\(file)"))
            let b = try Data(contentsOf: base.appendingPathComponent("b/\(file)"))
            #expect(a == b, "\(file) differs between two runs")
        }
    }
}
