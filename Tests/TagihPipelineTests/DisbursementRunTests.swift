import Foundation
import Testing
import TestSupport

/// Payouts across two runs as an operator runs them: November from the sample, then December
/// with an export that repeats the end of November.
@Suite struct DisbursementRunTests {
    static let sample = Paths.root.appendingPathComponent("input")

    @Test func heldMoneyGoesOutLaterAndNothingIsPaidTwice() throws {
        let base = Paths.temporaryFolder("tagih-payouts")
        defer { try? FileManager.default.removeItem(at: base) }
        let november = base.appendingPathComponent("november")
        let first = try runTagih(["run", "--input", Self.sample.path, "--output", november.path, "--period", "2026-11"])
        #expect(first.status == 0, "\(first.stderr)")
        let novemberPayouts = try String(contentsOf: november.appendingPathComponent("outbox/2026-11-30/payouts.csv"), encoding: .utf8)
        // One transfer per tenant per run: KLK-001's three paid weeks, 56,580 + 51,865 + 228,250.
        #expect(novemberPayouts.contains("BCA,1234567890,PT Sehat Sentosa,336695,IDR,TF-KLK001-20261130,keuangan@sehatsentosa.example,KLK-001,"
            + "PO-KLK001-20261102|PO-KLK001-20261109|PO-KLK001-20261116\r\n"))
        #expect(!novemberPayouts.contains("KLK-006"))

        // December: KLK-006 collects 30,000 more; the late-November collections come again.
        let december = Fixture(files: [
            "payments.csv": """
            id,paid_at,amount,status,tenant_id,method,purpose,patient_type
            PR-KLK006-0002,2026-12-03 11:00:00,30000,paid,KLK-006,qris,payment_request,
            APT-2026-11-0106,2026-11-30 10:15:00,70000,paid,KLK-003,bank_transfer,appointment,returning

            """,
        ])
        defer { december.remove() }
        for name in ["settings.yaml", "tenants.csv", "products.yaml", "subscriptions.csv", "stripe-2026-11b.csv"] {
            december.write(name, try String(contentsOf: Self.sample.appendingPathComponent(name), encoding: .utf8))
        }
        let output = base.appendingPathComponent("december")
        let second = try runTagih(["run", "--input", december.path, "--state", november.appendingPathComponent("state.yaml").path, "--output", output.path,
                                   "--period", "2026-12"])
        #expect(second.status == 0, "\(second.stderr)")
        let payouts = try String(contentsOf: output.appendingPathComponent("outbox/2026-12-31/payouts.csv"), encoding: .utf8)
        // KLK-006: 33,005 held in November + (30,000 - 210 fee - 1,500 commission) = 61,295.
        #expect(payouts.contains("BRI,002101000123456,Klinik Mata Terang,61295,IDR,TF-KLK006-20261231,halo@mataterang.example,KLK-006,PO-KLK006-20261201\r\n"))
        // KLK-001's week of 30 November (open in November) goes out now, less the -420 carried:
        // 150,000 - 6,350 fee - 7,500 commission - 420 = 135,730.
        #expect(payouts.contains(",135730,IDR,TF-KLK001-20261231,keuangan@sehatsentosa.example,KLK-001,PO-KLK001-20261130\r\n"))
        // KLK-003's booking of 30 November is counted once: 70,000 - 4,000 - 3,500 = 62,500.
        #expect(payouts.contains(",62500,IDR,TF-KLK003-20261231,permata@kia-permata.example,KLK-003,PO-KLK003-20261130\r\n"))
        // November's windows are not paid again.
        #expect(!payouts.contains("PO-KLK001-20261116"))
        #expect(!payouts.contains("PO-KLK002-20261101"))
        let state = try String(contentsOf: output.appendingPathComponent("state.yaml"), encoding: .utf8)
        #expect(state.contains(#"{tenant_id: "KLK-004", currency: IDR, amount: "42435", hold: tenant_on_hold}"#))
    }
}
