import Testing
@testable import TagihCore

/// The steps a state carries: in tenant id order whatever order they came in, found by id,
/// listed by action.
@Suite struct DunningStepsTests {
    @Test func keptInTenantOrder() {
        let steps = DunningSteps(["T3": "disconnect", "T1": "reminder", "T10": "reminder", "T2": "final_notice"])
        // String order: T10 sorts before T2.
        #expect(steps.all.map(\.tenant) == ["T1", "T10", "T2", "T3"])
        #expect(steps.all.map(\.action) == ["reminder", "reminder", "final_notice", "disconnect"])
        #expect(steps["T10"] == "reminder" && steps["T3"] == "disconnect" && steps["T2"] == "final_notice")
        #expect(steps["T0"] == nil && steps["T4"] == nil && steps["T11"] == nil)
        #expect(steps.tenants(at: "reminder") == ["T1", "T10"])
        #expect(steps.tenants(at: "warning").isEmpty)
        #expect(steps.count == 4 && !steps.isEmpty && DunningSteps().isEmpty)
    }

    @Test func equalByContent() {
        var built = DunningSteps()
        built.append(tenant: "A", action: "final_notice")
        built.append(tenant: "B", action: "reminder")
        // The same steps whose actions were first met in another order.
        #expect(built == DunningSteps(["B": "reminder", "A": "final_notice"]))
        #expect(built != DunningSteps(["A": "reminder", "B": "reminder"]))
        #expect(built != DunningSteps(["A": "final_notice"]))
    }
}
