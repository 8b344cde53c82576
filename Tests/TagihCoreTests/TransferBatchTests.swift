import Testing
@testable import TagihCore

/// Issue 15: one transfer per tenant per run. Two weekly windows of one clinic paid out by
/// one run go out as one transfer (one bank fee), each window still paid by rule 9 with
/// its own fee and commission. Amounts worked out by hand.
@Suite struct TransferBatchTests {
    let jakarta = Zone.fixed("Asia/Jakarta", offsetSeconds: 25200)

    var config: Settings {
        var settings = TagihCoreTests.settings()
        settings.fees = ["qris": FeeRule(percent: Rate(percent: ExactDecimal(units: 7, scale: 1))),
                         "credit_card": FeeRule(percent: Rate(percent: ExactDecimal(units: 29, scale: 1)), fixed: ExactDecimal(units: 2000))]
        settings.platformCommission = Rate(percent: ExactDecimal(units: 5))
        settings.minPayout = ExactDecimal(units: 50_000)
        return settings
    }

    func tenant(_ id: String, bank: Bool = true) -> Tenant {
        Tenant(id: id, name: "Klinik \(id)", email: "\(id.lowercased())@x.example", phone: "0812-3456-7890", currency: idr,
               bank: bank ? BankAccount(code: "BCA", account: "0012345678", holder: "Klinik \(id)") : nil, payoutSchedule: .weekly)
    }

    func payment(_ id: String, _ amount: Int64, tenant: String, at: String, method: String) -> Payment {
        Payment(id: id, status: .paid, paidAt: try! ParsedTimestamp.parse(at).get().resolve(in: jakarta),
                amount: Money(minor: amount, currency: idr), tenantId: tenant, method: method, purpose: .paymentRequest,
                source: SourceLocation(file: "p.csv", line: 2, column: 1))
    }

    @Test func twoWeeklyWindowsOfOneTenantAreOneTransfer() throws {
        let tenants = Directory([("KLK", tenant("KLK")), ("TK", tenant("TK"))])
        var disbursements = Disbursements(settings: config, tenants: tenants, openWindows: [], balances: [])
        // Week of 2 November: 100,000 by QRIS, fee 0.7% = 700, commission 5% = 5,000: 94,300.
        _ = try disbursements.collect(payment("A", 100_000, tenant: "KLK", at: "2026-11-03 10:00:00", method: "qris"), previous: nil, on: day("2026-11-03"))
        // Week of 9 November: 80,000 by card, fee 2.9% + 2,000 = 4,320, commission 4,000: 71,680.
        _ = try disbursements.collect(payment("B", 80_000, tenant: "KLK", at: "2026-11-10 10:00:00", method: "credit_card"), previous: nil, on: day("2026-11-10"))
        // Another tenant, one week: 60,000 by QRIS, fee 420, commission 3,000: 56,580.
        _ = try disbursements.collect(payment("C", 60_000, tenant: "TK", at: "2026-11-04 10:00:00", method: "qris"), previous: nil, on: day("2026-11-04"))
        let payouts = disbursements.payOut(asOf: day("2026-11-15"))
        #expect(payouts.map(\.amount.minor) == [94_300, 71_680, 56_580])
        #expect(payouts.map(\.reference) == ["PO-KLK-20261102", "PO-KLK-20261109", "PO-TK-20261102"])

        let transfers = TransferBatch.transfers(payouts, tenants: tenants, asOf: day("2026-11-15"))
        #expect(transfers.count == 2)
        #expect(transfers[0] == PayoutTransfer(
            tenantId: "KLK", reference: "TF-KLK-20261115", dated: day("2026-11-15"), amount: Money(minor: 165_980, currency: idr),
            account: BankAccount(code: "BCA", account: "0012345678", holder: "Klinik KLK"), email: "klk@x.example", phone: "0812-3456-7890",
            windows: ["PO-KLK-20261102", "PO-KLK-20261109"]))
        #expect(transfers[1].reference == "TF-TK-20261115")
        #expect(transfers[1].amount.minor == 56_580)
        #expect(transfers[1].windows == ["PO-TK-20261102"])
        // Every window's money is in exactly one transfer.
        #expect(transfers.reduce(0) { $0 + $1.amount.minor } == payouts.reduce(0) { $0 + $1.amount.minor })
    }

    @Test func heldWindowsAndTenantsWithoutABankSendNothing() {
        let zero = Money.zero(idr)
        func window(_ tenant: String, _ start: String, amount: Int64, hold: HoldReason? = nil) -> WindowPayout {
            let window = PayoutWindow(tenantId: tenant, start: day(start), end: day(start).adding(days: 6))
            return WindowPayout(window: window, sums: WindowSums(currency: idr), commission: zero, net: zero, carriedIn: zero,
                                amount: Money(minor: amount, currency: idr), hold: hold)
        }
        let tenants = Directory([("KLK", tenant("KLK")), ("NOB", tenant("NOB", bank: false))])
        let payouts = [
            window("KLK", "2026-11-02", amount: 0, hold: .underMinimum(minimum: ExactDecimal(units: 50_000), currency: idr)),
            window("KLK", "2026-11-09", amount: 120_000),
            window("NOB", "2026-11-09", amount: 70_000),
        ]
        let transfers = TransferBatch.transfers(payouts, tenants: tenants, asOf: day("2026-11-16"))
        #expect(transfers.map(\.reference) == ["TF-KLK-20261116"])
        #expect(transfers.map(\.windows) == [["PO-KLK-20261109"]])
        #expect(transfers.map(\.amount.minor) == [120_000])
    }

    @Test func referencesStayUniqueWhenTenantIdsShareTheirLetters() {
        let zero = Money.zero(idr)
        let tenants = Directory([("KLK-1", tenant("KLK-1")), ("KLK1", tenant("KLK1"))])
        let payouts = ["KLK1", "KLK-1"].map { id in
            let window = PayoutWindow(tenantId: id, start: day("2026-11-01"), end: day("2026-11-30"))
            return WindowPayout(window: window, sums: WindowSums(currency: idr), commission: zero, net: zero, carriedIn: zero,
                                amount: Money(minor: 60_000, currency: idr), hold: nil)
        }
        let transfers = TransferBatch.transfers(payouts, tenants: tenants, asOf: day("2026-11-30"))
        // By tenant id: "KLK-1" sorts before "KLK1".
        #expect(transfers.map(\.tenantId) == ["KLK-1", "KLK1"])
        #expect(transfers.map(\.reference) == ["TF-KLK1-20261130", "TF-KLK1-20261130-2"])
    }
}
