import Foundation
import Testing
@testable import TagihCore
@testable import TagihPipeline

/// Checking a month's orders against the subscriptions they would duplicate grows with
/// orders plus subscriptions, not with their product: 10,000 orders against 400,000
/// subscriptions must take under 64 times what 625 against 25,000 take (linear gives 16;
/// the scan it replaced, 256). A growth check, not a timed test: sixteen times the rows, so
/// that a large table's cache misses and other tests running beside it (a ratio of 9 was
/// seen at four times the rows, against a bound of 8) cannot pass for quadratic growth.
@Suite struct OrderRowsScaleTests {
    func check(subscriptions count: Int) -> (Double, Int) {
        let idr = CurrencyCode("IDR")!
        let settings = Settings(operator: Operator(name: "Op", email: "op@x.example"), currency: idr, zone: .utc)
        var table = DecodedTable<Subscription>()
        for index in 0..<count {
            table.byId["S\(index)"] = Subscription(id: "S\(index)", tenantId: "T\(index)", productId: "NET", start: CivilDate(year: 2026, month: 1, day: 1)!)
        }
        // Every 40th tenant orders the product it has (refused); the others order another one.
        let orders = (0..<(count / 40)).map { index in
            Order(id: "O\(index)", tenantId: "T\(index * 40)", productId: index % 2 == 0 ? "NET" : "SEAT", type: .new,
                  createdAt: Instant(seconds: 1_793_000_000 + Int64(index)))
        }
        var best = Double.infinity
        var passed = 0
        for _ in 0..<3 {
            var diagnostics = Diagnostics()
            let start = DispatchTime.now().uptimeNanoseconds
            passed = OrderRows.checkRelations(orders, settings: settings, subscriptions: table, prepaid: [], diagnostics: &diagnostics).count
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return (best, passed)
    }

    @Test func newOrdersAreCheckedInLinearTime() {
        let (small, passedSmall) = check(subscriptions: 25_000)
        let (large, passedLarge) = check(subscriptions: 400_000)
        // Half of the orders buy what the tenant has: refused.
        #expect(passedSmall == 312) // the 312 odd-numbered of 625
        #expect(passedLarge == 5_000)
        #expect(large / max(small, 1e-6) < 64, "\(small) s for 25,000 subscriptions, \(large) s for 400,000")
    }
}
