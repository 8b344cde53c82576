import Foundation
import Testing
import TestSupport
@testable import TagihCore
@testable import TagihIO

@Suite struct StateFileTests {
    let idr = CurrencyCode("IDR")!
    let usd = CurrencyCode("USD")!

    /// A state with something in every section, as a run would hand it on.
    var state: BillingState {
        var state = BillingState(asOf: try! CivilDate.parse("2026-11-30").get(), nextSequence: 46, receivables: [
            Receivable(number: "INV/2026/11/00031", tenantId: "NET-\"001\": x", source: .subscription, sourceId: "S#1",
                       issueDate: try! CivilDate.parse("2026-11-01").get(), dueDate: try! CivilDate.parse("2026-11-20").get(),
                       total: Money(minor: 277_500, currency: idr), outstanding: Money(minor: 77_500, currency: idr), sequence: 31),
            Receivable(number: "INV/2026/11/00042", tenantId: "KLK-005", source: .order, sourceId: "O1",
                       issueDate: try! CivilDate.parse("2026-11-28").get(), dueDate: try! CivilDate.parse("2026-11-28").get(),
                       total: Money(minor: 5539, currency: usd), outstanding: Money(minor: 5539, currency: usd),
                       expiresAt: Instant(seconds: 1_795_000_000), createdAt: Instant(seconds: 1_794_996_400), sequence: 42),
        ])
        state.operatorStamp = OperatorStamp(name: "PT NusaNet", taxId: "01.234.567.8-901.000", currency: idr)
        state.credits = [Credit(tenantId: "NET-008", amount: Money(minor: 22_500, currency: idr))]
        state.memoryHorizon = Instant(seconds: 1_790_000_000)
        state.handled = [HandledRecord(kind: .order, id: "O1", date: try! CivilDate.parse("2026-11-28").get(), digest: Digest(value: 0xABCDEF))]
        state.pendingOrders = [PendingOrder(orderId: "O1", invoice: "INV/2026/11/00042", tenantId: "KLK-005", productId: "P", type: .new,
                                            subscriptionId: "O1", createdAt: Instant(seconds: 1_794_996_400), expiresAt: Instant(seconds: 1_795_000_000),
                                            paymentCode: "PCABC", email: "", seats: 1, months: 1)]
        state.openPayments = [OpenPayment(payment: Payment(id: "T-9", status: .paid, paidAt: Instant(seconds: 1_794_000_200), amount: Money(minor: 100_000, currency: idr),
                                                           reference: "TOPUP-1", source: SourceLocation(file: "midtrans.jsonl", line: 9, column: 1)),
                                          status: .unmatched(.referenceMatchesNothing(reference: "TOPUP-1")))]
        state.voucherRedemptions = ["HEMAT": 2]
        state.payoutBalances = [PayoutBalance(tenantId: "KLK-006", amount: Money(minor: 33_005, currency: idr),
                                              reason: .underMinimum(minimum: ExactDecimal(units: 50_000), currency: idr))]
        return state
    }

    let remembered = [
        AppliedPayment(id: "BT-1", paidAt: Instant(seconds: 1_794_000_000), tenantId: "NET-008", received: Money(minor: 300_000, currency: CurrencyCode("IDR")!),
                       refunded: .zero(CurrencyCode("IDR")!), invoice: "INV/2026/11/00033", toInvoice: Money(minor: 277_500, currency: CurrencyCode("IDR")!),
                       toCredit: Money(minor: 22_500, currency: CurrencyCode("IDR")!), digest: Digest(value: 42)),
        AppliedPayment(id: "ch_1", paidAt: Instant(seconds: 1_794_000_100), tenantId: "", received: .zero(CurrencyCode("USD")!),
                       refunded: .zero(CurrencyCode("USD")!), invoice: "", toInvoice: .zero(CurrencyCode("USD")!), toCredit: .zero(CurrencyCode("USD")!),
                       kind: .noMoney),
    ]

    func written(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("state.yaml").path
        var queue = remembered[...]
        try StateFile.write(state, to: path, currencies: Currencies()) { queue.popFirst() }
        return path
    }

    func read(_ path: String) throws -> (BillingState, [AppliedPayment]) {
        var payments: [AppliedPayment] = []
        let state = try StateFile.read(path: path, name: "state.yaml", currencies: Currencies()) { payments.append($0) }
        return (state, payments)
    }

    @Test func writesAndReadsBackEverySection() throws {
        let folder = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (back, payments) = try read(try written(in: folder))
        #expect(payments == remembered)
        #expect(back.paymentCount == 2)
        #expect(back.asOf == state.asOf)
        #expect(back.operatorStamp == state.operatorStamp)
        #expect(back.nextSequence == 46)
        #expect(back.credits == state.credits)
        #expect(back.memoryHorizon == state.memoryHorizon)
        #expect(back.handled == state.handled)
        #expect(back.pendingOrders == state.pendingOrders)
        #expect(back.voucherRedemptions == state.voucherRedemptions)
        #expect(back.payoutBalances == state.payoutBalances)
        #expect(back.openPayments.map(\.payment) == state.openPayments.map(\.payment))
        #expect(back.openPayments.map(\.status) == state.openPayments.map(\.status))
        #expect(back.receivables.count == 2)
        #expect(back.receivables[0].tenantId == "NET-\"001\": x")
        #expect(back.receivables[0].outstanding.minor == 77_500)
        #expect(back.receivables[0].sequence == 31)
        #expect(back.receivables[1].total == Money(minor: 5539, currency: usd))
        #expect(back.receivables[1].source == .order)
    }

    /// Issue: a state cut off at a line end was accepted. Every cut, at every line and inside
    /// one, is refused, and so is an empty file.
    @Test func aStateCutAnywhereIsRefused() throws {
        let folder = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: try written(in: folder), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count > 20)
        let path = folder.appendingPathComponent("cut.yaml").path
        for count in 0..<lines.count {
            for cut in [lines.prefix(count).joined(separator: "\n") + (count > 0 ? "\n" : ""), lines.prefix(count + 1).joined(separator: "\n").dropLast(3) + ""] {
                try cut.write(toFile: path, atomically: false, encoding: .utf8)
                #expect(throws: InputFailure.self, "a cut after \(count) lines was accepted") {
                    _ = try StateFile.read(path: path, name: "state.yaml", currencies: Currencies())
                }
            }
        }
        try "".write(toFile: path, atomically: false, encoding: .utf8)
        #expect { _ = try StateFile.read(path: path, name: "state.yaml", currencies: Currencies()) } throws: {
            ($0 as? InputFailure)?.description == "state.yaml:1:1: state.yaml is empty; a state tagih wrote is never empty (use the state of the last run)"
        }
    }

    /// Issue: an edited state was accepted (a lowered next_sequence, an outstanding above the
    /// total, a repeated section). A changed byte breaks the seal; the message names the line.
    @Test func anEditedStateIsRefusedWhereItsSealIs() throws {
        let folder = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try written(in: folder)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let sealLine = text.split(separator: "\n").count
        try text.replacingOccurrences(of: "next_sequence: 46", with: "next_sequence: 40").write(toFile: path, atomically: false, encoding: .utf8)
        #expect { _ = try read(path) } throws: {
            ($0 as? InputFailure)?.description.hasPrefix("state.yaml:\(sealLine):1: state.yaml was changed after tagih wrote it") == true
        }
        try (text + "payments: []\n").write(toFile: path, atomically: false, encoding: .utf8)
        #expect { _ = try read(path) } throws: {
            ($0 as? InputFailure)?.description == "state.yaml:\(sealLine + 1):1: state.yaml goes on after its end line; it was changed after tagih wrote it"
        }
    }

    /// Behind the seal, a state is still checked as it is read: a hand-made one that carries
    /// a valid seal but contradicts itself is refused with the position of each problem.
    @Test func aSealedStateThatContradictsItselfIsRefused() throws {
        let folder = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state.yaml").path
        try sealed("""
        version: 2
        as_of: 2026-11-30
        operator: {name: "N", tax_id: "", currency: IDR}
        next_sequence: 40
        memory_horizon: 2026-09-29T17:00:00Z
        receivables:
          - {number: "A", sequence: 41, tenant_id: "T", source: subscription, source_id: "S", issued: 2026-11-01, due: 2026-11-20, currency: IDR, total: "10", outstanding: "50"}
          - {number: "A", sequence: 3, tenant_id: "T", source: subscription, source_id: "S", issued: 2026-11-01, due: 2026-11-30, currency: IDR, total: "10", outstanding: "5"}
          - {number: "B", sequence: 4, tenant_id: "T", source: subscription, source_id: "S", issued: 2026-11-01, due: 2026-11-31, currency: IDR, total: "10", outstanding: "5"}
        credits: []
        credits: []
        prepaid: []
        pending_orders: []
        voucher_redemptions: []
        payout_windows: []
        payout_balances: []
        handled: []
        open_payments: []
        payments:
          - {id: "B", at: 2026-11-02T00:00:00Z, currency: IDR, received: "1"}
          - {id: "a", at: 2026-11-02T00:00:00Z, currency: IDR, received: "1"}

        """).write(toFile: path, atomically: false, encoding: .utf8)
        #expect { _ = try read(path) } throws: { error in
            let text = (error as? InputFailure)?.description ?? ""
            return text == """
                state.yaml:7:165: outstanding is outside 0 to the invoice's total less credit notes, 10 (in minor units)
                state.yaml:7:29: sequence is not below next_sequence 40: numbers would be given twice
                state.yaml:8:14: number is listed twice (also at line 7)
                state.yaml:9:111: due is not a day of the calendar
                state.yaml:11:1: "credits" appears twice in state.yaml (first at line 10); a state has each section once
                state.yaml:21:10: id is out of order: the payments in a state are sorted by id, each once
                """
        }
    }

    @Test func aStateWithoutItsSectionsIsRefused() throws {
        let folder = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state.yaml").path
        try sealed("version: 2\nas_of: 2026-11-30\nnext_sequence: 3\n").write(toFile: path, atomically: false, encoding: .utf8)
        #expect { _ = try read(path) } throws: {
            ($0 as? InputFailure)?.description.contains("state.yaml:1:1: state.yaml has no \"receivables\" section; was it written by this tagih?") == true
        }
    }
}
