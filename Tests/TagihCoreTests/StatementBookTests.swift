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
        let t1 = StatementBook.Key(tenant: "T1", currency: idr), t2 = StatementBook.Key(tenant: "T2", currency: idr)
        let rows = book.statements(before: [t1: rp(10_000), t2: rp(100_000)], after: [t2: rp(25_000)])
        #expect(rows.map(\.tenantId) == ["T1", "T2"])
        #expect(rows.map(\.writtenOff) == [rp(10_000), rp(75_000)])
        #expect(rows.map(\.opening) == [rp(10_000), rp(100_000)])
        #expect(rows.map(\.closing) == [rp(0), rp(25_000)])
        #expect(rows.allSatisfy { $0.closing == $0.expectedClosing })
    }
}
