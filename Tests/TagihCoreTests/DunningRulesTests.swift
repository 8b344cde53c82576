import Testing
@testable import TagihCore

/// Rule 15 on one day, worked by hand: a step that rises gets its message, one that falls is
/// lowered without one, a tenant clear after the last step is listed for reconnection, one
/// whose pending payment covers its overdue money is held. The steps are moved in place.
@Suite struct DunningRulesTests {
    let ladder = [DunningStep(days: 1, action: "reminder"), DunningStep(days: 7, action: "final_notice"), DunningStep(days: 14, action: "disconnect")]

    func overdue(_ number: String, _ tenant: String, due: String, _ outstanding: Int64) -> Receivable {
        Receivable(number: number, tenantId: tenant, source: .subscription, sourceId: "S-\(tenant)", issueDate: day(due).adding(days: -7),
                   dueDate: day(due), total: Money(minor: 100_000, currency: idr), outstanding: Money(minor: outstanding, currency: idr))
    }

    @Test func stepsMoveInPlaceAndOnlyRisesAreSent() {
        // As of 2026-11-20:
        let receivables = [
            overdue("A-2", "A", due: "2026-11-12", 100_000), // 8 days: A rises from nothing to final_notice
            overdue("A-1", "A", due: "2026-11-16", 40_000),  // 4 days, listed after A-2 (older first)
            overdue("B-1", "B", due: "2026-11-17", 100_000), // 3 days: B was at final_notice, falls to reminder
            overdue("D-1", "D", due: "2026-11-01", 100_000), // 19 days: D would reach disconnect, but its payment is pending
            overdue("E-1", "E", due: "2026-11-20", 100_000), // due today: not overdue, E leaves the ladder
        ]
        var steps = ["B": "final_notice", "C": "disconnect", "E": "reminder"]
        let result = DunningRules.evaluate(day: day("2026-11-20"), receivables: receivables,
                                           pending: ["D": Money(minor: 100_000, currency: idr)], steps: &steps, ladder: ladder)
        #expect(steps == ["A": "final_notice", "B": "reminder"])
        #expect(result.notices.count == 1)
        let notice = result.notices[0]
        #expect(notice.tenantId == "A" && notice.action == "final_notice" && notice.day == day("2026-11-20"))
        #expect(notice.invoices.map(\.number) == ["A-2", "A-1"])
        #expect(notice.invoices.map(\.daysOverdue) == [8, 4])
        #expect(notice.totals == [Money(minor: 140_000, currency: idr)])
        #expect(notice.pending == nil)
        // C was at the last step and owes nothing now; E was only reminded.
        #expect(result.reconnections == [Reconnection(tenantId: "C", day: day("2026-11-20"), action: "disconnect")])
    }
}
