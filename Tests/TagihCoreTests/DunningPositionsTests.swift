import Testing
@testable import TagihCore

/// A run's steps by tenant place: a tenant of the input on the ladder, one off it (kept by id
/// beside its byte), and one the input does not have, each read and moved, and handed back in
/// tenant id order for the next state.
@Suite struct DunningPositionsTests {
    let ladder = [DunningStep(days: 1, action: "reminder"), DunningStep(days: 14, action: "disconnect")]

    @Test func stepsByPlaceAndById() {
        // The input lists B before A; Z is not in it.
        var positions = DunningPositions(steps: DunningSteps(["A": "warning", "B": "reminder", "Z": "disconnect"]),
                                         tenants: known(["B", "A"]), ladder: ladder)
        #expect(positions["A"] == "warning" && positions["B"] == "reminder" && positions["Z"] == "disconnect")
        #expect(positions["C"] == nil)
        // Off the ladder and back on it: the id-keyed copy goes.
        positions["A"] = "disconnect"
        positions["B"] = nil
        positions["C"] = "reminder" // not in the input either: kept by id
        #expect(positions["A"] == "disconnect" && positions["B"] == nil)
        #expect(positions.steps == DunningSteps(["A": "disconnect", "C": "reminder", "Z": "disconnect"]))
        #expect(positions.steps.all.map(\.tenant) == ["A", "C", "Z"])
        // And off it again.
        positions["A"] = "warning"
        #expect(positions.steps == DunningSteps(["A": "warning", "C": "reminder", "Z": "disconnect"]))
    }

    /// The delay a step follows: the last rung it reaches, whatever order the ladder is given in.
    @Test func rungByDays() {
        let positions = DunningPositions(steps: DunningSteps(), tenants: known([]), ladder: Array(ladder.reversed()))
        #expect(positions.action(daysOverdue: 0) == "")
        #expect(positions.action(daysOverdue: 1) == "reminder")
        #expect(positions.action(daysOverdue: 13) == "reminder")
        #expect(positions.action(daysOverdue: 14) == "disconnect")
        #expect(positions.rank("disconnect") == 0 && positions.rank("reminder") == 1 && positions.rank("warning") == -1)
    }
}
