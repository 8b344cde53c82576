import Foundation
import Testing
import TestSupport

/// Runs the built `tagih` on committed inputs and compares every output with committed
/// expectations (workbooks unzipped part by part). `TAGIH_RECORD=1 make test` re-records
/// them and fails, so a re-record is always reviewed.
@Suite struct GoldenTests {
    static let golden = Paths.root.appendingPathComponent("Tests/TagihPipelineTests/Golden")

    /// Runs `tagih run` on `input` into a fresh folder and compares it with `expected`.
    func check(input: URL, expected: URL, arguments: [String] = [], ignoring: Set<String> = [], inspect: (URL) throws -> Void = { _ in }) throws {
        let output = Paths.temporaryFolder("tagih-golden").appendingPathComponent("out")
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let result = try runTagih(["run", "--input", input.path, "--output", output.path, "--period", "2026-11"] + arguments)
        #expect(result.status == 0, "tagih run failed:\n\(result.stderr)")
        guard result.status == 0 else { return }
        for problem in try Golden.compare(output: output, expected: expected, ignoring: ignoring) {
            Issue.record(Comment(rawValue: problem))
        }
        try inspect(output)
    }

    @Test("the sample month in input/")
    func sampleMonth() throws {
        try check(input: Paths.root.appendingPathComponent("input"), expected: Self.golden.appendingPathComponent("sample/expected"))
    }

    @Test("the sample month with each table in its other form gives the same bytes")
    func sampleMonthInOtherForms() throws {
        if Golden.isRecording { return } // it shares the sample's expectations
        // errors.csv names the file a warning is about, which differs between the forms.
        try check(input: Self.golden.appendingPathComponent("sample-other-forms/input"),
                  expected: Self.golden.appendingPathComponent("sample/expected"), ignoring: ["errors.csv", "runs/2026-11-30/errors.csv"]) { output in
            let errors = try String(contentsOf: output.appendingPathComponent("errors.csv"), encoding: .utf8)
            #expect(errors.contains("tenants.yaml,19,3,12345,warning: phone of tenant NET-009 cannot be read as a phone number without guessing"))
        }
    }

    @Test("a re-run of the same input writes the same bytes")
    func byteIdenticalReRun() throws {
        let base = Paths.temporaryFolder("tagih-rerun")
        defer { try? FileManager.default.removeItem(at: base) }
        let input = Paths.root.appendingPathComponent("input").path
        for name in ["a", "b"] {
            let result = try runTagih(["run", "--input", input, "--output", base.appendingPathComponent("\(name)/2026-11").path, "--period", "2026-11"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        // Every byte of every file, the run's binary journal included.
        let a = Golden.bytes(of: base.appendingPathComponent("a/2026-11"))
        let b = Golden.bytes(of: base.appendingPathComponent("b/2026-11"))
        #expect(a.count > 40)
        #expect(a.keys.contains("runs/2026-11-30/payments.bin") && a.keys.contains("outbox/2026-11-30/whatsapp.csv"))
        for name in Set(a.keys).union(b.keys).sorted() { #expect(a[name] == b[name], "\(name) differs between two runs") }
    }
}

/// October, then November with an export that repeats October's last days: every output of
/// both months pinned, and the points of the issue checked by value.
@Suite struct TwoMonthTests {
    static let root = GoldenTests.golden.appendingPathComponent("two-months")

    @Test func octoberThenNovemberAppliesNothingTwice() throws {
        let base = Paths.temporaryFolder("tagih-two-months")
        defer { try? FileManager.default.removeItem(at: base) }
        let october = base.appendingPathComponent("october")
        let november = base.appendingPathComponent("november")
        let first = try runTagih(["run", "--input", Self.root.appendingPathComponent("october/input").path, "--period", "2026-10", "--output", october.path])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try runTagih(["run", "--input", Self.root.appendingPathComponent("november/input").path,
                                   "--state", october.appendingPathComponent("state.yaml").path, "--period", "2026-11", "--output", november.path])
        #expect(second.status == 0, "\(second.stderr)")
        guard first.status == 0 && second.status == 0 else { return }

        // C overpaid October by 167,500; November's export repeats that payment: it counts once,
        // and the credit it left pays 167,500 of C's November invoice (832,500) once.
        #expect(second.stdout.contains("already applied: 1, IDR 1000000"))
        let state = try String(contentsOf: november.appendingPathComponent("state.yaml"), encoding: .utf8)
        #expect(state.contains(#"{number: "INV/2026/11/00006", sequence: 6, tenant_id: "C", source: subscription, source_id: "SUB-C", issued: 2026-11-10, due: 2026-11-10, currency: IDR, total: "832500", outstanding: "665000", last_paid: 2026-11-10, tax: "82500"}"#))
        #expect(!state.contains(#"tenant_id: "C", currency: IDR, amount"#))
        // B paid October's invoice in November, by tenant (no reference).
        #expect(state.contains(#"number: "INV/2026/10/00002", sequence: 2, tenant_id: "B", source: subscription, source_id: "SUB-B", issued: 2026-10-01, due: 2026-10-20, currency: IDR, total: "277500", outstanding: "0", last_paid: 2026-11-03, tax: "27500"}"#))
        // A paid October twice (Stripe and Midtrans); the Midtrans copy, dated 18 October, first
        // shows up in November's export: a late payment. It meets only invoices issued by its
        // time, so it becomes credit, which pays A's November invoice when it is issued; A's own
        // November payment is then left as credit.
        #expect(second.stderr.contains("warning: payment mt-A-oct-again is dated 2026-10-18, before this run's span"))
        #expect(state.contains(#"{tenant_id: "A", currency: IDR, amount: "277500"}"#))

        for (month, output) in [("october", october), ("november", november)] {
            for problem in try Golden.compare(output: output, expected: Self.root.appendingPathComponent("\(month)/expected")) {
                Issue.record(Comment(rawValue: "\(month): " + problem))
            }
        }
    }
}
