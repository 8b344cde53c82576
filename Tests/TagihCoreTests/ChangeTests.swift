import Testing
@testable import TagihCore

/// A contract's state is kept compactly (days as numbers, absent as a sentinel): each day is
/// read back where it was set, the others stay absent, and equality sees every field.
@Suite struct ChangeTests {
    @Test func aContractGivesBackEachDayWhereItWasSet() {
        let paths: [WritableKeyPath<ContractState, CivilDate?>] = [
            \.anchor, \.end, \.cancelledAfter, \.prepaidUntil, \.renewedFor, \.bridgeFrom, \.bridgeTo, \.bridgeIssue,
            \.lastTermStart, \.lastTermEnd,
        ]
        let empty = ContractState(subscriptionId: "S1")
        #expect(empty.isEmpty)
        for (place, path) in paths.enumerated() {
            var contract = empty
            contract[keyPath: path] = day("2026-11-01").adding(days: place)
            for (other, read) in paths.enumerated() {
                #expect(contract[keyPath: read] == (other == place ? day("2026-11-01").adding(days: place) : nil))
            }
            #expect(contract != empty)
            contract[keyPath: path] = nil
            #expect(contract == empty)
        }
        var contract = empty
        contract.quantity = 0
        #expect(contract.quantity == 0 && !contract.isEmpty && contract != empty)
        contract.quantity = nil
        contract.lapsed = true
        #expect(contract.quantity == nil && contract != empty)
    }
}
