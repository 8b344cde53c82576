import Foundation
import Testing
import TestSupport

/// The command as a user runs it: exit codes, what is printed, what is (not) written.
@Suite struct CommandLineTests {
    let subscriptions = "id,tenant_id,product_id,start\nS1,T1,NET-30,2026-01-20\nS2,T2,SEAT,2026-01-05\n"
    static let allOutputs = ["disbursements.xlsx", "errors.csv", "invoices.xlsx", "outbox", "overdue.csv", "overdue.xlsx", "payments.xlsx",
                             "reconnect.csv", "runs", "state.yaml", "statements.xlsx", "summary.xlsx"]

    func files(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func invalidInputExitsOneListsEveryErrorAndWritesOnlyErrorsCSV() throws {
        let fixture = Fixture(files: [
            "products.csv": Fixture.products, "tenants.csv": Fixture.tenants,
            "subscriptions.csv": subscriptions + "S3,T1,NET-30,2026-02-30\nS4,T7,NET-30,2026-01-20\n",
        ])
        defer { fixture.remove() }
        let output = fixture.folder.appendingPathComponent("out")
        let result = try runTagih(["run", "--input", fixture.path, "--output", output.path, "--period", "2026-11"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(fixture.path)/subscriptions.csv:4:14: start is not a day of the calendar\n"))
        #expect(result.stderr.contains("\(fixture.path)/subscriptions.csv:5:4: tenant_id refers to an unknown tenant \"T7\"\n"))
        #expect(files(in: output) == ["errors.csv"])
        let errors = try String(contentsOf: output.appendingPathComponent("errors.csv"), encoding: .utf8)
        #expect(errors == [
            "file,line,column,value,message",
            "subscriptions.csv,4,14,2026-02-30,start is not a day of the calendar",
            "subscriptions.csv,5,4,T7,\"tenant_id refers to an unknown tenant \"\"T7\"\"\"",
        ].map { $0 + "\r\n" }.joined())
    }

    @Test func skipInvalidLeavesBadRowsOutAndListsThem() throws {
        let fixture = Fixture(files: [
            "products.csv": Fixture.products, "tenants.csv": Fixture.tenants,
            "subscriptions.csv": subscriptions + "S3,T1,NET-30,2026-02-30\n",
        ])
        defer { fixture.remove() }
        let output = fixture.folder.appendingPathComponent("out")
        let result = try runTagih(["run", "--input", fixture.path, "--output", output.path, "--period", "2026-11", "--skip-invalid"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(files(in: output) == Self.allOutputs)
        #expect(result.stdout.contains("2 invoices issued: INV/2026/11/00001 to INV/2026/11/00002"))
        #expect(result.stdout.contains("1 invalid row left out (see errors.csv)"))
        let errors = try String(contentsOf: output.appendingPathComponent("errors.csv"), encoding: .utf8)
        #expect(errors.contains("subscriptions.csv,4,14,2026-02-30,start is not a day of the calendar"))
    }

    @Test func aFailedRunLeavesTheEarlierOutputAsItWas() throws {
        let fixture = Fixture(files: ["products.csv": Fixture.products, "tenants.csv": Fixture.tenants, "subscriptions.csv": subscriptions])
        defer { fixture.remove() }
        let output = fixture.folder.appendingPathComponent("2026-11")
        #expect(try runTagih(["run", "--input", fixture.path, "--output", output.path, "--as-of", "2026-11-15"]).status == 0)
        let before = Golden.bytes(of: output)
        fixture.write("tenants.csv", "id,name,email\nT1,Budi,broken\n")
        // The next day's run continues from the first and stops on the broken row.
        #expect(try runTagih(["run", "--input", fixture.path, "--output", output.path, "--as-of", "2026-11-16"]).status == 1)
        let after = Golden.bytes(of: output)
        #expect(after.keys.sorted() == before.keys.sorted())
        for (name, bytes) in before where name != "errors.csv" { #expect(after[name] == bytes, "\(name) changed") }
        #expect(files(in: output) == Self.allOutputs)
        #expect(files(in: fixture.folder) == ["2026-11", "products.csv", "settings.yaml", "subscriptions.csv", "tenants.csv"])
    }

    /// Numbers continue from run to run; a run continues from the newest state under the
    /// output folder without being told.
    @Test func numbersContinueFromTheNewestState() throws {
        let fixture = Fixture(files: ["products.csv": Fixture.products, "tenants.csv": Fixture.tenants, "subscriptions.csv": subscriptions])
        defer { fixture.remove() }
        let root = fixture.folder.appendingPathComponent("output")
        let first = try runTagih(["run", "--input", fixture.path, "--output", root.appendingPathComponent("2026-11").path, "--period", "2026-11"])
        #expect(first.stdout.contains("INV/2026/11/00001 to INV/2026/11/00002"), "\(first.stderr)")
        // December continues November's sequence; its state comes from the output folder.
        let december = try runTagih(["run", "--input", fixture.path, "--output", root.appendingPathComponent("2026-12").path, "--period", "2026-12"])
        #expect(december.status == 0, "\(december.stderr)")
        #expect(december.stdout.contains("run as of 2026-12-31, covering 2026-12-01 to 2026-12-31"))
        #expect(december.stdout.contains("2 invoices issued: INV/2026/12/00003 to INV/2026/12/00004"))
    }

    /// A state already at or past the as-of is refused, and the message says how to run that
    /// day again from an earlier state, which stays available in `runs/`.
    @Test func aStatePastTheAsOfIsRefusedWithTheWayToRunAgain() throws {
        let fixture = Fixture(files: ["products.csv": Fixture.products, "tenants.csv": Fixture.tenants, "subscriptions.csv": subscriptions])
        defer { fixture.remove() }
        let month = fixture.folder.appendingPathComponent("output/2026-11")
        for day in ["2026-11-10", "2026-11-20"] {
            #expect(try runTagih(["run", "--input", fixture.path, "--output", month.path, "--as-of", day]).status == 0)
        }
        let again = try runTagih(["run", "--input", fixture.path, "--output", month.path, "--as-of", "2026-11-20"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("\(month.path)/state.yaml is as of 2026-11-20, so the run as of 2026-11-20 has been made already; to run it again, continue from an earlier state: tagih run --state \(month.path)/runs/2026-11-10/state.yaml --as-of 2026-11-20"))
        let past = try runTagih(["run", "--input", fixture.path, "--output", month.path, "--as-of", "2026-11-15"])
        #expect(past.status == 2)
        #expect(past.stderr.contains("is as of 2026-11-20, so the run as of 2026-11-15 lies before it"))
        // Following the advice runs the day again from the earlier state, with the same result.
        let before = Golden.bytes(of: month)
        let redo = try runTagih(["run", "--input", fixture.path, "--output", month.path, "--state", month.appendingPathComponent("runs/2026-11-10/state.yaml").path, "--as-of", "2026-11-20"])
        #expect(redo.status == 0, "\(redo.stderr)")
        #expect(Golden.bytes(of: month) == before)
    }

    /// A span that crosses a month end is run month by month: each month folder is complete.
    @Test func aSpanAcrossAMonthEndWritesEachMonthFolder() throws {
        let fixture = Fixture(files: ["products.csv": Fixture.products, "tenants.csv": Fixture.tenants, "subscriptions.csv": subscriptions])
        defer { fixture.remove() }
        let root = fixture.folder.appendingPathComponent("output")
        #expect(try runTagih(["run", "--input", fixture.path, "--output", root.appendingPathComponent("2026-11").path, "--as-of", "2026-11-25"]).status == 0)
        let crossing = try runTagih(["run", "--input", fixture.path, "--output", root.appendingPathComponent("2026-12").path, "--as-of", "2026-12-03"])
        #expect(crossing.status == 0, "\(crossing.stderr)")
        #expect(crossing.stdout.contains("run as of 2026-11-30, covering 2026-11-26 to 2026-11-30"))
        #expect(crossing.stdout.contains("run as of 2026-12-03, covering 2026-12-01 to 2026-12-03"))
        #expect(files(in: root.appendingPathComponent("2026-11/runs")) == ["2026-11-25", "2026-11-30"])
        #expect(files(in: root.appendingPathComponent("2026-12/runs")) == ["2026-12-03"])
        #expect(files(in: root.appendingPathComponent("2026-11/outbox")) == ["2026-11-25", "2026-11-30"])
    }

    @Test func aStateOfAnotherOperatorIsRefused() throws {
        let fixture = Fixture(files: ["products.csv": Fixture.products, "tenants.csv": Fixture.tenants, "subscriptions.csv": subscriptions])
        defer { fixture.remove() }
        let month = fixture.folder.appendingPathComponent("output/2026-11")
        #expect(try runTagih(["run", "--input", fixture.path, "--output", month.path, "--as-of", "2026-11-10"]).status == 0)
        fixture.write("settings.yaml", "operator: {name: Klinik Lain, email: billing@lain.example}\ncurrency: IDR\n")
        let result = try runTagih(["run", "--input", fixture.path, "--output", month.path, "--as-of", "2026-11-11"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(month.path)/state.yaml:5:11: \(month.path)/state.yaml belongs to NusaNet (tax id none, IDR), but settings.yaml is for Klinik Lain (tax id none, IDR); give this run the state of its own operator"))
    }

    /// `input/state.yaml` still works for a first run; once a newer state is under the output
    /// folder, the older one is passed over, with a warning, unless named with --state.
    @Test func anOlderStateInTheInputFolderIsPassedOver() throws {
        let fixture = Fixture(files: ["products.csv": Fixture.products, "tenants.csv": Fixture.tenants, "subscriptions.csv": subscriptions])
        defer { fixture.remove() }
        let root = fixture.folder.appendingPathComponent("output")
        #expect(try runTagih(["run", "--input", fixture.path, "--output", root.appendingPathComponent("2026-10").path, "--period", "2026-10"]).status == 0)
        try FileManager.default.copyItem(at: root.appendingPathComponent("2026-10/state.yaml"), to: fixture.folder.appendingPathComponent("state.yaml"))
        #expect(try runTagih(["run", "--input", fixture.path, "--output", root.appendingPathComponent("2026-11").path, "--period", "2026-11"]).status == 0)
        let december = try runTagih(["run", "--input", fixture.path, "--output", root.appendingPathComponent("2026-12").path, "--as-of", "2026-12-05"])
        #expect(december.status == 0, "\(december.stderr)")
        #expect(december.stderr.contains("\(fixture.path)/state.yaml: warning: state.yaml is as of 2026-10-31, older than \(root.path)/2026-11/state.yaml (as of 2026-11-30), which this run continues from"))
        #expect(december.stdout.contains("covering 2026-12-01 to 2026-12-05"))
    }

    @Test func usageMistakesExitTwo() throws {
        #expect(try runTagih(["run", "--period", "November"]).status == 2)
        #expect(try runTagih(["run", "--as-of", "2026-02-30"]).status == 2)
        #expect(try runTagih(["frobnicate"]).status == 2)
        let sort = try runTagih(["run", "--sort-memory", "100000"])
        #expect(sort.status == 2)
        #expect(sort.stderr.contains("--sort-memory must be from 4 to 4096 megabytes"))
        let fixture = Fixture(files: ["tenants.csv": Fixture.tenants])
        defer { fixture.remove() }
        let before = try runTagih(["run", "--input", fixture.path, "--output", fixture.folder.appendingPathComponent("out").path, "--period", "2026-11", "--as-of", "2026-10-30"])
        #expect(before.status == 2)
        #expect(before.stderr.contains("--as-of 2026-10-30 is not in --period 2026-11"))
        #expect(try runTagih(["--help"]).status == 0)
    }

    @Test func checkValidatesAndWritesNothing() throws {
        let fixture = Fixture(files: ["products.csv": Fixture.products, "tenants.csv": "id,name,email\nT1,Budi,broken\n"])
        defer { fixture.remove() }
        let result = try runTagih(["check", "--input", fixture.path, "--output", fixture.folder.appendingPathComponent("output").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("tenants.csv:2:9: email is not an email address"))
        #expect(files(in: fixture.folder) == ["products.csv", "settings.yaml", "tenants.csv"])
        #expect(try runTagih(["check", "--input", Paths.root.appendingPathComponent("input").path, "--output", fixture.folder.appendingPathComponent("output").path]).status == 0)
    }
}

/// Issue 17's output-folder cases that need a live process or a real state to show.
@Suite struct OutputSafetyTests {
    /// Clean-up of `2026-11` leaves the work folder and lock of a run into `2026-11-rerun`
    /// beside it (which `.tagih-2026-11-*` used to match), and removes only its own dead ones.
    @Test func cleanUpTouchesOnlyTheFolderItsRunWrites() throws {
        let fixture = Fixture(files: ["products.csv": Fixture.products, "tenants.csv": Fixture.tenants,
                                      "subscriptions.csv": "id,tenant_id,product_id,start\nS1,T1,NET-30,2026-01-20\n"])
        defer { fixture.remove() }
        let root = fixture.folder.appendingPathComponent("out")
        let sibling = root.appendingPathComponent(".tagih-2026-11-rerun-\(getpid())")
        let siblingLock = root.appendingPathComponent(".tagih-2026-11-rerun.lock")
        let dead = root.appendingPathComponent(".tagih-2026-11-999999999")
        for folder in [sibling, dead] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        try Data().write(to: siblingLock)
        let result = try runTagih(["run", "--input", fixture.path, "--output", root.appendingPathComponent("2026-11").path, "--period", "2026-11"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: sibling.path))
        #expect(FileManager.default.fileExists(atPath: siblingLock.path))
        #expect(!FileManager.default.fileExists(atPath: dead.path))
    }

    /// The sample month's real state, cut after every line (and inside the last one): the
    /// command refuses each with the position, exit 1, and writes only errors.csv.
    @Test func theSampleStateCutAtEveryLineIsRefused() throws {
        let base = Paths.temporaryFolder("tagih-cut-state")
        defer { try? FileManager.default.removeItem(at: base) }
        let text = try String(contentsOf: Paths.root.appendingPathComponent("input/state.yaml"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count > 20)
        let state = base.appendingPathComponent("state.yaml")
        for count in 0...lines.count {
            let cut = count == lines.count ? String(text.dropLast(5)) : lines.prefix(count).joined(separator: "\n") + (count > 0 ? "\n" : "")
            try cut.write(to: state, atomically: false, encoding: .utf8)
            let output = base.appendingPathComponent("out-\(count)/2026-11")
            let result = try runTagih(["run", "--input", Paths.root.appendingPathComponent("input").path, "--state", state.path,
                                       "--output", output.path, "--period", "2026-11"])
            #expect(result.status == 1, "a cut after \(count) lines: \(result.stderr)")
            #expect(result.stderr.hasPrefix("\(state.path):"), "a cut after \(count) lines: \(result.stderr)")
            #expect((try? FileManager.default.contentsOfDirectory(atPath: output.path))?.filter { !$0.hasPrefix(".") } == ["errors.csv"])
        }
    }
}
