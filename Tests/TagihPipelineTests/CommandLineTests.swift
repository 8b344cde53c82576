import Foundation
import Testing
import TestSupport

/// The command as a user runs it: exit codes, what is printed, what is (not) written.
@Suite struct CommandLineTests {
    let subscriptions = "id,tenant_id,product_id,start\nS1,T1,NET-30,2026-01-20\nS2,T2,SEAT,2026-01-05\n"
    static let allOutputs = ["disbursements.xlsx", "errors.csv", "invoices.xlsx", "mail", "overdue.csv", "overdue.xlsx", "payments.xlsx", "payouts.csv", "state.yaml", "summary.xlsx", "whatsapp.csv"]

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
        #expect(result.stdout.contains("2 invoices issued for 2026-11: INV/2026/11/00001 to INV/2026/11/00002"))
        #expect(result.stdout.contains("1 invalid row left out (see errors.csv)"))
        let errors = try String(contentsOf: output.appendingPathComponent("errors.csv"), encoding: .utf8)
        #expect(errors.contains("subscriptions.csv,4,14,2026-02-30,start is not a day of the calendar"))
    }

    @Test func aFailedRunLeavesTheEarlierOutputAsItWas() throws {
        let fixture = Fixture(files: ["products.csv": Fixture.products, "tenants.csv": Fixture.tenants, "subscriptions.csv": subscriptions])
        defer { fixture.remove() }
        let output = fixture.folder.appendingPathComponent("out")
        #expect(try runTagih(["run", "--input", fixture.path, "--output", output.path, "--period", "2026-11"]).status == 0)
        let invoices = try Data(contentsOf: output.appendingPathComponent("invoices.xlsx"))
        fixture.write("tenants.csv", "id,name,email\nT1,Budi,broken\n")
        #expect(try runTagih(["run", "--input", fixture.path, "--output", output.path, "--period", "2026-11"]).status == 1)
        #expect(try Data(contentsOf: output.appendingPathComponent("invoices.xlsx")) == invoices)
        #expect(files(in: output) == Self.allOutputs)
        #expect(files(in: fixture.folder) == ["out", "products.csv", "settings.yaml", "subscriptions.csv", "tenants.csv"])
    }

    @Test func numbersContinueAcrossTwoRunsAndAWrongStateIsRefused() throws {
        let fixture = Fixture(files: ["products.csv": Fixture.products, "tenants.csv": Fixture.tenants, "subscriptions.csv": subscriptions])
        defer { fixture.remove() }
        let november = fixture.folder.appendingPathComponent("nov")
        let first = try runTagih(["run", "--input", fixture.path, "--output", november.path, "--period", "2026-11"])
        #expect(first.stdout.contains("INV/2026/11/00001 to INV/2026/11/00002"))
        let state = november.appendingPathComponent("state.yaml").path
        // December continues November's sequence; the period comes from the state.
        let december = try runTagih(["run", "--input", fixture.path, "--state", state, "--output", fixture.folder.appendingPathComponent("dec").path])
        #expect(december.status == 0, "\(december.stderr)")
        #expect(december.stdout.contains("2 invoices issued for 2026-12: INV/2026/12/00003 to INV/2026/12/00004"))
        // January with November's state would skip December: refused.
        let january = try runTagih(["run", "--input", fixture.path, "--state", state, "--period", "2027-01",
                                    "--output", fixture.folder.appendingPathComponent("jan").path])
        #expect(january.status == 1)
        #expect(january.stderr.contains("state.yaml was written by the run for 2026-11; the run after it is 2026-12, not 2027-01"))
    }

    @Test func usageMistakesExitTwo() throws {
        #expect(try runTagih(["run", "--period", "November"]).status == 2)
        #expect(try runTagih(["run", "--as-of", "2026-02-30"]).status == 2)
        #expect(try runTagih(["frobnicate"]).status == 2)
        let fixture = Fixture(files: ["tenants.csv": Fixture.tenants])
        defer { fixture.remove() }
        let noPeriod = try runTagih(["run", "--input", fixture.path])
        #expect(noPeriod.status == 2)
        #expect(noPeriod.stderr.contains("--period YYYY-MM is required when the input has no state.yaml"))
        #expect(try runTagih(["--help"]).status == 0)
    }

    @Test func checkValidatesAndWritesNothing() throws {
        let fixture = Fixture(files: ["products.csv": Fixture.products, "tenants.csv": "id,name,email\nT1,Budi,broken\n"])
        defer { fixture.remove() }
        let result = try runTagih(["check", "--input", fixture.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("tenants.csv:2:9: email is not an email address"))
        #expect(files(in: fixture.folder) == ["products.csv", "settings.yaml", "tenants.csv"])
        #expect(try runTagih(["check", "--input", Paths.root.appendingPathComponent("input").path]).status == 0)
    }
}
