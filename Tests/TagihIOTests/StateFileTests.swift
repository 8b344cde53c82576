import Foundation
import Testing
import TestSupport
@testable import TagihCore
@testable import TagihIO

@Suite struct StateFileTests {
    @Test func writesAndReadsBack() throws {
        let folder = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let idr = CurrencyCode("IDR")!
        let usd = CurrencyCode("USD")!
        let state = BillingState(period: Period("2026-11"), nextSequence: 46, receivables: [
            Receivable(number: "INV/2026/11/00031", tenantId: "NET-\"001\": x", source: .subscription, sourceId: "S#1",
                       issueDate: try CivilDate.parse("2026-11-01").get(), dueDate: try CivilDate.parse("2026-11-20").get(),
                       total: Money(minor: 277_500, currency: idr), outstanding: Money(minor: 77_500, currency: idr)),
            Receivable(number: "INV/2026/11/00042", tenantId: "KLK-005", source: .order, sourceId: "O1",
                       issueDate: try CivilDate.parse("2026-11-28").get(), dueDate: try CivilDate.parse("2026-11-28").get(),
                       total: Money(minor: 5539, currency: usd), outstanding: Money(minor: 5539, currency: usd)),
        ])
        var withMore = state
        withMore.credits = [Credit(tenantId: "NET-008", amount: Money(minor: 22_500, currency: idr))]
        withMore.paymentHorizon = Instant(seconds: 1_790_000_000)
        let remembered = [
            AppliedPayment(id: "BT-1", paidAt: Instant(seconds: 1_794_000_000), tenantId: "NET-008", received: Money(minor: 300_000, currency: idr),
                           refunded: .zero(idr), invoice: "INV/2026/11/00033", toInvoice: Money(minor: 277_500, currency: idr), toCredit: Money(minor: 22_500, currency: idr)),
            AppliedPayment(id: "ch_1", paidAt: Instant(seconds: 1_794_000_100), tenantId: "KLK-005", received: Money(minor: 5539, currency: usd),
                           refunded: .zero(usd), invoice: "", toInvoice: .zero(usd), toCredit: Money(minor: 5539, currency: usd)),
        ]
        var queue = remembered[...]
        let path = folder.appendingPathComponent("state.yaml").path
        try StateFile.write(withMore, to: path, currencies: Currencies()) { queue.popFirst() }
        let back = try StateFile.read(path: path, name: "state.yaml", currencies: Currencies())
        #expect(back.credits == withMore.credits)
        #expect(back.paymentHorizon == withMore.paymentHorizon)
        #expect(back.paymentCount == 2)
        let stream = try StatePayments(path: path, name: "state.yaml", currencies: Currencies())
        var streamed: [AppliedPayment] = []
        while let payment = stream.current {
            streamed.append(payment)
            try stream.advance()
        }
        #expect(streamed == remembered)
        #expect(back.period == Period("2026-11"))
        #expect(back.nextSequence == 46)
        #expect(back.receivables.count == 2)
        #expect(back.receivables[0].tenantId == "NET-\"001\": x")
        #expect(back.receivables[0].outstanding.minor == 77_500)
        #expect(back.receivables[1].total == Money(minor: 5539, currency: usd))
        #expect(back.receivables[1].source == .order)
    }

    @Test func aDamagedStateIsReportedWithItsPosition() throws {
        let folder = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state.yaml").path
        try "version: 1\nperiod: \"2026-11\"\nnext_sequence: 0\nreceivables:\n  - {number: X, tenant_id: T, source: subscription, source_id: S, issued: 2026-11-01, due: 2026-11-31, currency: IDR, total: \"10\", outstanding: \"5\"}\n"
            .write(toFile: path, atomically: false, encoding: .utf8)
        #expect {
            _ = try StateFile.read(path: path, name: "state.yaml", currencies: Currencies())
        } throws: { error in
            let text = (error as? InputFailure)?.description ?? ""
            return text.contains("state.yaml:3:16: next_sequence is not a positive whole number")
                && text.contains("state.yaml:5:92: due is not a day of the calendar")
        }
    }
}
