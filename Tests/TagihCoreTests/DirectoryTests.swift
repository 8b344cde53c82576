import Testing
@testable import TagihCore

/// Values by id in one array: the order they were added is kept, and a removed value is
/// neither found nor listed, whether read as a copy or in place.
@Suite struct DirectoryTests {
    @Test func removedValuesAreSkippedInTheOrderAdded() {
        var directory = Directory<Int>([("a", 1), ("b", 2), ("c", 3), ("d", 4)])
        directory["b"] = nil
        directory["e"] = 5
        directory["b"] = 6
        #expect(Array(directory.reachable) == [1, 3, 4, 5, 6])
        #expect(directory.all == [1, 3, 4, 5, 6])
        #expect(directory["b"] == 6)
        #expect(directory.count == 5)
        #expect(directory.removeAllValues() == [1, 3, 4, 5, 6])
        #expect(directory.isEmpty)
        directory["x"] = 9
        #expect(Array(directory.reachable) == [9])
    }

    @Test func nothingRemovedReadsEveryValue() {
        let directory = Directory<Int>([("a", 1), ("a", 2), ("b", 3)])
        #expect(Array(directory.reachable) == [2, 3])
    }
}
