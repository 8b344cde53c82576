import Testing
@testable import TagihCore

/// A receivable is kept compactly (amounts as minor units, absent days and times as
/// sentinels); what is set is what is read back, absent stays absent.
@Suite struct BillingStateTests {
    @Test func aReceivableGivesBackWhatWasSet() {
        let usd = CurrencyCode("USD")!
        let cents = { (minor: Int64) in Money(minor: minor, currency: usd) }
        var receivable = Receivable(number: "INV/2026/11/00042", tenantId: "KLK-005", source: .order, sourceId: "O1",
                                    issueDate: day("2026-11-28"), dueDate: day("2026-11-30"), total: cents(5539), outstanding: cents(5539))
        #expect(receivable.lastPaidOn == nil && receivable.expiresAt == nil && receivable.createdAt == nil)
        #expect(receivable.tax == cents(0) && receivable.creditNotes == cents(0) && receivable.credited == cents(0))
        #expect(receivable.sequence == 0)
        receivable.outstanding -= cents(2000)
        receivable.credited = cents(500)
        receivable.creditNotes = cents(700)
        receivable.tax = cents(549)
        receivable.lastPaidOn = day("2026-11-29")
        receivable.expiresAt = Instant(seconds: 1_795_000_000)
        receivable.createdAt = Instant(seconds: -1)
        receivable.sequence = 2_000_000_000
        #expect(receivable.outstanding == cents(3539))
        #expect(receivable.paid == cents(1500))
        #expect((receivable.tax, receivable.creditNotes, receivable.credited) == (cents(549), cents(700), cents(500)))
        #expect(receivable.lastPaidOn == day("2026-11-29"))
        #expect(receivable.expiresAt == Instant(seconds: 1_795_000_000))
        #expect(receivable.createdAt == Instant(seconds: -1))
        #expect(receivable.sequence == 2_000_000_000)
        receivable.lastPaidOn = nil
        receivable.expiresAt = nil
        #expect(receivable.lastPaidOn == nil && receivable.expiresAt == nil)
        #expect(receivable.issuedAt(in: .utc) == Instant(seconds: -1))
    }
}
