import Testing
@testable import TagihCore

/// The run's dunning notices kept flat: each comes back as it went in, its own lines, totals
/// and pending payment and none of its neighbours', whatever their sizes.
@Suite struct DunningNoticesTests {
    @Test func noticesComeBackWhole() {
        let idr = CurrencyCode("IDR")!, usd = CurrencyCode("USD")!
        func line(_ number: String, _ minor: Int64, _ currency: CurrencyCode) -> DunningNotice.OverdueLine {
            .init(number: number, dueDate: day("2026-11-05"), daysOverdue: 3, outstanding: Money(minor: minor, currency: currency))
        }
        let notices = [
            // Two currencies, two lines, a payment pending.
            DunningNotice(tenantId: "T1", day: day("2026-11-08"), action: "reminder",
                          invoices: [line("INV/2026/11/00001", 100_000, idr), line("INV/2026/11/00002", 500, usd)],
                          totals: [Money(minor: 100_000, currency: idr), Money(minor: 500, currency: usd)],
                          pending: Money(minor: 40_000, currency: idr)),
            // One line, nothing pending; a step met before.
            DunningNotice(tenantId: "T2", day: day("2026-11-09"), action: "final_notice", invoices: [line("INV/2026/11/00003", 7, idr)],
                          totals: [Money(minor: 7, currency: idr)], pending: nil),
            // No lines or totals at all, last in the list.
            DunningNotice(tenantId: "T3", day: day("2026-11-10"), action: "reminder", invoices: [], totals: [], pending: nil),
        ]
        var list = DunningNotices()
        list += notices.prefix(2)
        list.append(notices[2])
        list.shrinkToFit()
        #expect(list.count == 3)
        #expect(Array(list) == notices)
        #expect(list.indices.map { list.tenantId(at: $0) } == ["T1", "T2", "T3"])
        let literal: DunningNotices = [notices[1]]
        #expect(Array(literal) == [notices[1]])
    }
}
