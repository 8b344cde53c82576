import Testing
@testable import TagihCore

/// A state's balances per tenant and currency: open invoices less credit, added up per key,
/// in key order, found by key; and the check that a tenant without a statement did not move.
@Suite struct TenantBalancesTests {
    let usd = CurrencyCode("USD")!
    func rp(_ minor: Int64) -> Money { Money(minor: minor, currency: idr) }

    func owed(_ tenant: String, _ number: String, _ outstanding: Money) -> Receivable {
        Receivable(number: number, tenantId: tenant, source: .subscription, sourceId: "S-\(tenant)", issueDate: day("2026-11-01"),
                   dueDate: day("2026-11-20"), total: outstanding, outstanding: outstanding)
    }

    var state: BillingState {
        BillingState(receivables: [owed("T2", "A1", rp(100_000)), owed("T1", "A2", rp(30_000)), owed("T2", "A3", rp(20_000)),
                                   owed("T2", "A4", Money(minor: 500, currency: usd)), owed("T3", "A5", rp(8_000)), owed("T4", "A6", rp(0))],
                     credits: [Credit(tenantId: "T2", amount: rp(5_000)), Credit(tenantId: "T3", amount: rp(8_000)), Credit(tenantId: "T5", amount: rp(1_000))])
    }

    @Test func partsAreAddedUpPerTenantAndCurrencyInOrder() {
        let balances = TenantBalances(state)
        // T2: 100,000 + 20,000 - 5,000 in rupiah, 5.00 dollars apart; T3 owes as much as its
        // credit: a zero balance, still on file; T4's settled invoice is no part of it.
        #expect(balances.map { "\($0.key.tenant) \($0.key.currency) \($0.amount.minor)" }
                == ["T1 IDR 30000", "T2 IDR 115000", "T2 USD 500", "T3 IDR 0", "T5 IDR -1000"])
        #expect(balances[StatementBook.Key(tenant: "T2", currency: idr)] == rp(115_000))
        #expect(balances[StatementBook.Key(tenant: "T2", currency: usd)] == Money(minor: 500, currency: usd))
        #expect(balances[StatementBook.Key(tenant: "T4", currency: idr)] == nil)
        #expect(balances[StatementBook.Key(tenant: "T0", currency: idr)] == nil)
        #expect(balances[StatementBook.Key(tenant: "T9", currency: idr)] == nil)
    }

    /// The state after T1 paid 20,000 of its 30,000 and T5's credit of 1,000 went.
    var after: BillingState {
        var after = state
        after.receivables[1].outstanding = rp(10_000)
        after.credits.removeLast()
        return after
    }

    /// T1's statement of that payment.
    var paid: TenantStatement {
        var paid = TenantStatement(tenantId: "T1", currency: idr, opening: rp(30_000))
        paid.payments = rp(20_000)
        paid.closing = rp(10_000)
        return paid
    }

    @Test func aBalanceThatMovedWithoutAStatementIsCaught() {
        // T1 paid 20,000 and has its statement; T5's credit went without one.
        #expect(Reconciliation.statementProblems([paid], before: state, after: after)
                == ["statement of T5 (IDR): the balance moved from -1000 to 0 with no movement recorded"])
        // Without T1's statement, its move is caught too (keys on either side only are walked).
        #expect(Reconciliation.statementProblems([], before: state, after: after)
                == ["statement of T1 (IDR): the balance moved from 30000 to 10000 with no movement recorded",
                    "statement of T5 (IDR): the balance moved from -1000 to 0 with no movement recorded"])
    }

    /// The statements are walked in key order whether or not they come in it: T5's statement
    /// listed before T1's still covers T5's move, and T1's move is still covered by its own.
    @Test(arguments: [false, true]) func statementsInEitherOrder(reversed: Bool) {
        var used = TenantStatement(tenantId: "T5", currency: idr, opening: rp(-1_000))
        used.refunds = rp(1_000) // its credit given back: -1,000 + 1,000 = 0
        used.closing = rp(0)
        let statements = reversed ? [used, paid] : [paid, used]
        #expect(Reconciliation.statementProblems(statements, before: state, after: after) == [])
        #expect(Reconciliation.statementProblems([used], before: state, after: after)
                == ["statement of T1 (IDR): the balance moved from 30000 to 10000 with no movement recorded"])
    }
}
