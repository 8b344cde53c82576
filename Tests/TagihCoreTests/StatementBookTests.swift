import Testing
@testable import TagihCore

/// A run's statements: one row per tenant and currency that moved, in tenant order, whatever
/// order the movements came in, with opening and closing from the states around the run.
@Suite struct StatementBookTests {
    @Test func rowsJoinEachTenantsMovementsInTenantOrder() {
        let idr = CurrencyCode("IDR")!
        let rp = { (minor: Int64) in Money(minor: minor, currency: idr) }
        var book = StatementBook()
        book.writtenOff(tenant: "T2", rp(50_000))
        book.writtenOff(tenant: "T1", rp(10_000))
        book.writtenOff(tenant: "T2", rp(25_000))
        // Balances from the states: T2 also has 5,000 credit before and after; T3 did not
        // move, so it gets no row.
        func owed(_ tenant: String, _ number: String, _ minor: Int64) -> Receivable {
            Receivable(number: number, tenantId: tenant, source: .subscription, sourceId: "S-\(tenant)", issueDate: day("2026-11-01"),
                       dueDate: day("2026-11-20"), total: rp(100_000), outstanding: rp(minor))
        }
        let before = BillingState(receivables: [owed("T1", "A1", 10_000), owed("T2", "A2", 100_000), owed("T3", "A3", 7_000)],
                                  credits: [Credit(tenantId: "T2", amount: rp(5_000))])
        let after = BillingState(receivables: [owed("T1", "A1", 0), owed("T2", "A2", 25_000), owed("T3", "A3", 7_000)],
                                 credits: [Credit(tenantId: "T2", amount: rp(5_000))])
        let rows = book.takeStatements(before: before, after: after)
        #expect(rows.map(\.tenantId) == ["T1", "T2"])
        #expect(rows.map(\.writtenOff) == [rp(10_000), rp(75_000)])
        #expect(rows.map(\.opening) == [rp(10_000), rp(95_000)])
        #expect(rows.map(\.closing) == [rp(0), rp(20_000)])
        #expect(rows.allSatisfy { $0.closing == $0.expectedClosing })
    }

    @Test func aStatementKeepsItsAmountsInItsCurrency() {
        let idr = CurrencyCode("IDR")!
        let rp = { (minor: Int64) in Money(minor: minor, currency: idr) }
        var first = TenantStatement(tenantId: "T1", currency: idr, opening: rp(10_000))
        #expect(first.closing == rp(10_000) && first.invoices == rp(0))
        first.invoices += rp(50_000)
        first.payments += rp(20_000)
        first.closing = first.expectedClosing
        var second = TenantStatement(tenantId: "T1", currency: idr, opening: first.closing)
        second.refunds += rp(5_000)
        second.creditUsed += rp(1_000)
        second.writtenOff += rp(3_000)
        second.creditNotes += rp(2_000)
        second.closing = second.expectedClosing
        let month = first.then(second)
        #expect(month.opening == rp(10_000))
        #expect((month.invoices, month.payments, month.refunds, month.creditUsed, month.writtenOff, month.creditNotes)
            == (rp(50_000), rp(20_000), rp(5_000), rp(1_000), rp(3_000), rp(2_000)))
        #expect(month.closing == rp(40_000))
        #expect(month.closing == month.expectedClosing)
        #expect(month != first)
        var same = first
        same.refunds += rp(0)
        #expect(same == first)
    }
}
