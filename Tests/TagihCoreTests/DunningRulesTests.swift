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

    /// The tenants of the input: in id order, out of it, or none (every step kept by id). C is
    /// never in the input: a tenant gone since its step was set.
    static let inputs: [[String]] = [["A", "B", "D", "E"], ["E", "D", "B", "A"], []]

    @Test(arguments: inputs) func stepsMoveInPlaceAndOnlyRisesAreSent(tenants: [String]) {
        // As of 2026-11-20:
        let receivables = [
            overdue("A-2", "A", due: "2026-11-12", 100_000), // 8 days: A rises from nothing to final_notice
            overdue("A-1", "A", due: "2026-11-16", 40_000),  // 4 days, listed after A-2 (older first)
            overdue("B-1", "B", due: "2026-11-17", 100_000), // 3 days: B was at final_notice, falls to reminder
            overdue("D-1", "D", due: "2026-11-01", 100_000), // 19 days: D would reach disconnect, but its payment is pending
            overdue("E-1", "E", due: "2026-11-20", 100_000), // due today: not overdue, E leaves the ladder
        ]
        var positions = DunningPositions(steps: DunningSteps(["B": "final_notice", "C": "disconnect", "E": "reminder"]),
                                         tenants: known(tenants), ladder: ladder)
        let result = DunningRules.evaluate(day: day("2026-11-20"), receivables: receivables,
                                           pending: ["D": Money(minor: 100_000, currency: idr)], positions: &positions)
        #expect(positions.steps == DunningSteps(["A": "final_notice", "B": "reminder"]))
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

    /// Notices go out in tenant id order, a tenant the input no longer has (C) among the rest,
    /// whatever order the input lists its tenants in.
    @Test(arguments: inputs) func noticesInTenantOrder(tenants: [String]) {
        let receivables = ["E", "C", "A", "D", "B"].map { overdue("\($0)-1", $0, due: "2026-11-18", 100_000) }
        var positions = DunningPositions(steps: DunningSteps(), tenants: known(tenants), ladder: ladder)
        let result = DunningRules.evaluate(day: day("2026-11-20"), receivables: receivables, pending: [:], positions: &positions)
        #expect(result.notices.map(\.tenantId) == ["A", "B", "C", "D", "E"])
        #expect(positions.steps.all.map(\.tenant) == ["A", "B", "C", "D", "E"])
        #expect(positions.steps.tenants(at: "reminder") == ["A", "B", "C", "D", "E"])
    }

    /// A step the ladder no longer names (a state written under other settings) counts as no
    /// step: the tenant rises to the rung its delay reaches; held by a pending payment, it
    /// keeps the old step as it was.
    @Test func stepOffTheLadder() {
        let receivables = [overdue("A-1", "A", due: "2026-11-18", 100_000), overdue("B-1", "B", due: "2026-11-18", 100_000)]
        var positions = DunningPositions(steps: DunningSteps(["A": "warning", "B": "warning"]), tenants: known(["A", "B"]), ladder: ladder)
        #expect(positions["A"] == "warning")
        let result = DunningRules.evaluate(day: day("2026-11-20"), receivables: receivables,
                                           pending: ["B": Money(minor: 100_000, currency: idr)], positions: &positions)
        #expect(result.notices.map(\.tenantId) == ["A"])
        #expect(positions.steps == DunningSteps(["A": "reminder", "B": "warning"]))
    }

    /// Without a ladder nothing moves, and the state's steps go on as they were.
    @Test func noLadder() {
        let steps = DunningSteps(["B": "final_notice", "A": "reminder"])
        var positions = DunningPositions(steps: steps, tenants: known(["B", "A"]), ladder: [])
        let result = DunningRules.evaluate(day: day("2026-11-20"), receivables: [overdue("A-1", "A", due: "2026-11-01", 100_000)],
                                           pending: [:], positions: &positions)
        #expect(result.notices.isEmpty && result.reconnections.isEmpty)
        #expect(positions.steps == steps)
    }
}
