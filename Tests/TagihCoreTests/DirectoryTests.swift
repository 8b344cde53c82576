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

    /// Handed over in place: values moved down over removed ones, first, last and side by
    /// side, keep the order they were added in.
    @Test func handedOverWithRemovalsAnywhere() {
        var directory = Directory<String>((1...8).map { ("k\($0)", "v\($0)") })
        for id in ["k1", "k3", "k4", "k8"] { directory[id] = nil }
        #expect(directory.removeAllValues() == ["v2", "v5", "v6", "v7"])
        directory["k1"] = "again"
        #expect(directory.all == ["again"] && directory["k1"] == "again")
    }

    /// A place names its value until the directory is emptied: a value removed and added again
    /// takes a new place, the old one stays counted.
    @Test func aPlaceKeepsNamingItsValue() {
        var directory = Directory<Int>([("a", 1), ("b", 2)])
        let b = directory.place(of: "b")!
        directory["a"] = nil
        directory["a"] = 3
        #expect(directory.place(of: "b") == b && directory[place: b] == 2)
        #expect(directory.place(of: "a") == 2 && directory.placeCount == 3)
        directory[place: b] = 7
        #expect(directory["b"] == 7)
        #expect(directory.place(of: "z") == nil)
    }

    @Test func nothingRemovedReadsEveryValue() {
        let directory = Directory<Int>([("a", 1), ("a", 2), ("b", 3)])
        #expect(Array(directory.reachable) == [2, 3])
    }

    /// The next state's contracts: the kept ones, found by id, listed in id order for the
    /// state file (whatever order they were added in), removed ones neither kept nor listed.
    @Test func filteredAndListedInIdOrder() {
        var directory = Directory<Int>([("c", 3), ("a", 1), ("d", 4), ("b", 2)])
        directory["d"] = nil
        #expect(Array(directory.inIdOrder) == [1, 2, 3])
        let kept = directory.filter { id, value in id != "a" && value < 4 }
        #expect(kept.all == [3, 2])
        #expect(kept["b"] == 2 && kept["a"] == nil && kept["d"] == nil)
        #expect(kept.count == 2)
        #expect(Array(kept.inIdOrder) == [2, 3])
        let everything = kept.filter { _, _ in true }
        #expect(everything.all == [3, 2] && everything["c"] == 3)
    }

    @Test func shrinkingKeepsTheValuesAndGivesBackTheRoom() {
        var values = Array(0..<1_000)
        values.reserveCapacity(4_000)
        values.shrinkToFit()
        #expect(values == Array(0..<1_000))
        #expect(values.capacity < 2_000)
        var directory = Directory<Int>()
        for index in 0..<1_000 { directory["\(index)"] = index }
        directory.shrinkToFit()
        #expect(directory["999"] == 999 && directory.count == 1_000)
    }
}
