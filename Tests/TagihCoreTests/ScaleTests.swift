import Foundation
import Testing
@testable import TagihCore

/// Every per-tenant aggregate grows with its input, not faster: each is run on 25,000 and on
/// 200,000 synthetic rows, and eight times the rows must take under 32 times as long (a
/// linear step takes eight, n log n a little more, a quadratic one 64). A check by growth,
/// not a timed test: no absolute limit, and wide enough for a busy machine. (At four times
/// the rows and a limit of eight, the tenant balances' 100,000-entry tables took 8.7 and 9.2
/// times as long with other suites running beside them: cache misses, not a quadratic step.)
@Suite(.serialized) struct ScaleTests {
    func receivables(_ count: Int) -> [Receivable] {
        (0..<count).map { index in
            let due = day("2026-11-01").adding(days: -(index % 120))
            return Receivable(number: "INV-\(index)", tenantId: "T\(index % (count / 2))", source: .subscription, sourceId: "S\(index)",
                              issueDate: due, dueDate: due, total: Money(minor: 277_500, currency: idr), outstanding: Money(minor: 177_500, currency: idr))
        }
    }

    /// Seconds for the best of three runs of `body` on each of 25,000 and 200,000 rows, the two
    /// sizes taking turns: other suites run beside this one, and a busy spell then slows both
    /// sizes rather than only the one measured during it.
    func expectLinear(_ name: String, _ body: @escaping ([Receivable]) -> Void) {
        let inputs = [receivables(25_000), receivables(200_000)]
        var best = [Double.infinity, Double.infinity]
        for _ in 0..<3 {
            for (size, input) in inputs.enumerated() {
                let start = DispatchTime.now().uptimeNanoseconds
                body(input)
                best[size] = min(best[size], Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
        }
        let (small, large) = (best[0], best[1])
        #expect(large / max(small, 1e-6) < 32, "\(name): \(small) s for 25,000 rows, \(large) s for 200,000")
    }

    @Test func agingSummaryAndOverdueList() {
        let ladder = [DunningStep(days: 1, action: "reminder"), DunningStep(days: 14, action: "disconnect")]
        expectLinear("overdue list and aging summary") { receivables in
            let items = Aging.overdue(receivables, asOf: day("2026-12-01"), ladder: ladder)
            _ = Aging.summary(items)
        }
    }

    @Test func tenantBalancesAndStatements() {
        expectLinear("tenant balances") { receivables in
            let state = BillingState(asOf: day("2026-11-30"), receivables: receivables)
            _ = TenantBalances(state)
            _ = Reconciliation.statementProblems([], before: state, after: state)
        }
    }

    /// Every tenant with credit, each spending it: a tenant's credit must be found without
    /// a walk over every tenant's (that walk made applying the bench's payments quadratic).
    @Test func creditSpentTenantByTenant() {
        expectLinear("credit per tenant") { receivables in
            let tenants = Set(receivables.map(\.tenantId))
            var ledger = Ledger(receivables: receivables, credits: tenants.map { Credit(tenantId: $0, amount: Money(minor: 100_000, currency: idr)) },
                                tenants: known(Array(tenants)), zone: settings().zone)
            let now = Instant(seconds: 1_800_000_000)
            for tenant in tenants { ledger.applyCredit(of: tenant, at: now) }
        }
    }

    @Test func dunningSteps() {
        let ladder = [DunningStep(days: 1, action: "reminder"), DunningStep(days: 7, action: "final_notice"), DunningStep(days: 14, action: "disconnect")]
        expectLinear("dunning steps") { receivables in
            var positions = DunningPositions(steps: DunningSteps(), tenants: known(Array(Set(receivables.map(\.tenantId)))), ladder: ladder)
            _ = DunningRules.evaluate(day: day("2026-12-01"), receivables: receivables, pending: [:], positions: &positions)
        }
    }

    /// A month of recurring terms for `count` subscriptions, one tenant each, starts spread
    /// over the month; and a `new` order per 20 subscriptions.
    func month(_ count: Int) -> BillingInput {
        let product = Product(id: "NET", name: "NET", price: ExactDecimal(units: 250_000), currency: idr)
        var tenants: [String: Tenant] = [:]
        var subscriptions: [Subscription] = []
        for index in 0..<count {
            let id = "T\(index)"
            tenants[id] = Tenant(id: id, name: id, email: "\(id)@x.example", currency: idr)
            subscriptions.append(Subscription(id: "S\(index)", tenantId: id, productId: "NET", start: day("2026-01-01").adding(days: index % 28)))
        }
        return BillingInput(settings: settings(), tenants: tenants, products: ["NET": product], subscriptions: subscriptions)
    }

    /// Putting every subscription's terms on the calendar and issuing them: rescheduling one
    /// subscription once scanned every term already scheduled.
    @Test func schedulingAndIssuingTheMonthsTerms() {
        let inputs = [month(4_000), month(16_000)]
        var best = [Double.infinity, Double.infinity]
        for _ in 0..<3 {
            for (size, input) in inputs.enumerated() {
                let start = DispatchTime.now().uptimeNanoseconds
                let run = TestRun(input, from: "2026-11-01", to: "2026-11-30")
                #expect(run.issued.count == input.subscriptions.count)
                best[size] = min(best[size], Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
        }
        let (small, large) = (best[0], best[1])
        #expect(large / max(small, 1e-6) < 8, "\(small) s for 4,000 subscriptions, \(large) s for 16,000")
    }

    @Test func theAgingSummaryAddsUp() {
        let items = Aging.overdue(receivables(1_000), asOf: day("2026-12-01"), ladder: [])
        let sums = Aging.summary(items)[idr]!
        #expect(sums.values.map(\.invoices).reduce(0, +) == items.count)
        #expect(sums.values.map(\.outstanding.minor).reduce(0, +) == Int64(items.count) * 177_500)
        // 500 tenants, two invoices each; each invoice's bucket depends on its age.
        #expect(sums[.days1to30]!.tenants <= 500)
    }
}
