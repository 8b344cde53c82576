import Foundation
import Testing
import TestSupport

/// `tagih overdue`: the daily disconnection job from the last run's state and new payments.
@Suite struct OverdueCommandTests {
    static let sample = Paths.root.appendingPathComponent("input")

    func state(from run: URL) -> String { run.appendingPathComponent("state.yaml").path }

    @Test func aDailyRunAgesTheStatesInvoicesLessTheNewPayments() throws {
        let base = Paths.temporaryFolder("tagih-overdue")
        defer { try? FileManager.default.removeItem(at: base) }
        let november = base.appendingPathComponent("november")
        #expect(try runTagih(["run", "--input", Self.sample.path, "--output", november.path, "--period", "2026-11"]).status == 0)

        // On 5 December with December's first payments: NET-002 paid the rest of its invoice.
        let december = Fixture(files: [:])
        defer { december.remove() }
        for name in ["settings.yaml", "tenants.csv", "products.yaml", "subscriptions.csv"] {
            december.write(name, try String(contentsOf: Self.sample.appendingPathComponent(name), encoding: .utf8))
        }
        december.write("payments.csv", "id,paid_at,amount,status,reference,tenant_id\nBT-2026-12-0001,2026-12-02 10:00:00,199500,paid,INV/2026/11/00032,NET-002\n")
        let output = base.appendingPathComponent("daily")
        let result = try runTagih(["overdue", "--input", december.path, "--state", state(from: november), "--as-of", "2026-12-05", "--output", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted() == ["overdue.csv", "overdue.xlsx"])
        let csv = try String(contentsOf: output.appendingPathComponent("overdue.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\r\n").map(String.init)
        // Worst first; NET-002 is gone; NET-006 (due 30 November) is now 5 days late: a reminder.
        #expect(lines.map { $0.split(separator: ",").first.map(String.init) ?? "" } == [
            "tenant_id", "NET-005", "KLK-003", "NET-003", "SCH-002", "NET-009", "KLK-002", "KLK-004", "NET-006",
        ])
        // Phones in E.164 without `+` (0878-5555-6666 in tenants.csv), the router's key last.
        #expect(lines.contains("NET-005,Rudi Hartono,6287855556666,\"Jl. Buah Batu 77, Bandung\",SUB-NET-005,INV/2026/10/00012,2026-10-20,46,31-60,277500,disconnect,IDR,pppoe-net-005"))
        #expect(lines.contains("NET-006,I Wayan Sudarsana,6281966667777,\"Jl. Gatot Subroto Timur 8, Denpasar\",SUB-NET-006,INV/2026/11/00040,2026-11-30,5,1-30,277500,reminder,IDR,pppoe-net-006"))
        #expect(result.stdout.contains("8 overdue invoices of 8 tenants as of 2026-12-05"))
        // `+62 811-987-654` is a phone, not a formula: a machine file carries its digits.
        #expect(lines.contains { $0.hasPrefix("KLK-002,Klinik Gigi Senyum,62811987654,") })
        // NET-009's phone (12345) cannot be read without guessing: left empty, and said so.
        #expect(lines.contains { $0.hasPrefix("NET-009,Yusuf Maulana,,") })
        #expect(result.stderr.contains("NET-009"), "\(result.stderr)")
    }

    @Test func itNeedsAState() throws {
        let fixture = Fixture(files: ["tenants.csv": Fixture.tenants])
        defer { fixture.remove() }
        let result = try runTagih(["overdue", "--input", fixture.path, "--as-of", "2026-12-05", "--output", fixture.folder.appendingPathComponent("out").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("tagih overdue works from the state a run wrote; there is none under \(fixture.path) or in \(fixture.path)"))
    }

    /// A payment dated before what the state remembers cannot be told apart from one applied
    /// long ago: it is not applied, and the run says so once per kind.
    @Test func aPaymentOlderThanTheStatesMemoryIsNotAppliedAndSaidSo() throws {
        let base = Paths.temporaryFolder("tagih-horizon")
        defer { try? FileManager.default.removeItem(at: base) }
        let fixture = Fixture(files: [
            "products.csv": Fixture.products, "tenants.csv": Fixture.tenants,
            "subscriptions.csv": "id,tenant_id,product_id,start\nS1,T1,NET-30,2026-01-20\n",
            "state.yaml": sealed("""
            version: 2
            as_of: 2026-10-31
            operator: {name: "NusaNet", tax_id: "", currency: IDR}
            next_sequence: 10
            memory_horizon: 2026-08-30T17:00:00Z
            receivables:
              - {number: "INV/2026/10/00009", sequence: 9, tenant_id: "T1", source: subscription, source_id: "S1", issued: 2026-10-01, due: 2026-10-20, currency: IDR, total: "277500", outstanding: "277500"}
            credits: []
            prepaid: []
            pending_orders: []
            voucher_redemptions: []
            payout_windows: []
            payout_balances: []
            handled: []
            open_payments: []
            payments: []

            """),
            "payments.csv": "id,paid_at,amount,status,tenant_id\nOLD-1,2026-08-01 10:00:00,277500,paid,T1\nOLD-2,2026-08-02 10:00:00,277500,paid,T1\n",
        ])
        defer { fixture.remove() }
        let output = base.appendingPathComponent("out")
        let result = try runTagih(["run", "--input", fixture.path, "--output", output.path, "--period", "2026-11"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("payments.csv:2:1: warning: 2 payments are dated before 2026-08-31, the oldest date state remembers: taken as handled by earlier runs and not looked at (the first is here)"))
        let state = try String(contentsOf: output.appendingPathComponent("state.yaml"), encoding: .utf8)
        #expect(state.contains(#"number: "INV/2026/10/00009", sequence: 9, tenant_id: "T1", source: subscription, source_id: "S1", issued: 2026-10-01, due: 2026-10-20, currency: IDR, total: "277500", outstanding: "277500"}"#))
        #expect(state.contains("payments: []"))
    }
}
