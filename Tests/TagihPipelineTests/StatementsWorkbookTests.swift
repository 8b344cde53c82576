import Testing
import TagihCore
@testable import TagihPipeline

/// The month's statements from each run's rows: merged in tenant order as they are read, a
/// tenant's rows of several runs joined (first opening, last closing, movements summed), and
/// tenants that did not move shown from the state with their balance as opening and closing.
@Suite struct StatementsWorkbookTests {
    static let idr = CurrencyCode("IDR")!
    static func rp(_ minor: Int64) -> Money { Money(minor: minor, currency: idr) }

    static func row(_ tenant: String, opening: Int64, invoices: Int64 = 0, payments: Int64 = 0) -> TenantStatement {
        var row = TenantStatement(tenantId: tenant, currency: idr, opening: rp(opening))
        row.invoices = rp(invoices)
        row.payments = rp(payments)
        row.closing = row.expectedClosing
        return row
    }

    @Test func runsAreMergedAndJoinedAndUnmovedTenantsShown() throws {
        let day1 = [Self.row("T1", opening: 0, invoices: 100_000), Self.row("T3", opening: 20_000, payments: 20_000)]
        let day2 = [Self.row("T1", opening: 100_000, payments: 60_000), Self.row("T2", opening: 0, invoices: 50_000)]
        // The state after day 2: T1 owes 40,000, T2 50,000, T4 (not moved this month) 7,000.
        let balances: TenantBalances = [
            .init(tenant: "T1", currency: Self.idr): Self.rp(40_000), .init(tenant: "T2", currency: Self.idr): Self.rp(50_000),
            .init(tenant: "T4", currency: Self.idr): Self.rp(7_000),
        ]
        var rows: [TenantStatement] = []
        try StatementsWorkbook.forEachRow([StatementRows(day1), StatementRows(day2)], balances: balances) { rows.append($0) }
        #expect(rows.map(\.tenantId) == ["T1", "T2", "T3", "T4"])
        #expect(rows.map(\.opening) == [0, 0, 20_000, 7_000].map(Self.rp))
        #expect(rows.map(\.invoices) == [100_000, 50_000, 0, 0].map(Self.rp))
        #expect(rows.map(\.payments) == [60_000, 0, 20_000, 0].map(Self.rp))
        #expect(rows.map(\.closing) == [40_000, 50_000, 0, 7_000].map(Self.rp))
    }

    @Test func noRunsListsTheStateAlone() throws {
        var rows: [TenantStatement] = []
        try StatementsWorkbook.forEachRow([], balances: [.init(tenant: "T9", currency: Self.idr): Self.rp(1)]) { rows.append($0) }
        #expect(rows.map(\.tenantId) == ["T9"])
        #expect(rows.map(\.closing) == [Self.rp(1)])
    }
}
