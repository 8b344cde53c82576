import Testing
@testable import TagihCore

/// Values by id in one array: the order they were added is kept, and a removed value is
/// neither found nor listed, whether read as a copy or in place.
@Suite struct DirectoryTests {
    /// A value carrying its key, as tenants and invoices do.
    struct Entry: Keyed, Equatable {
        var key: String
        var value: Int
    }

    static func directory(_ pairs: [(String, Int)]) -> Directory<Entry> {
        Directory(pairs.map { ($0.0, Entry(key: $0.0, value: $0.1)) })
    }

    @Test func removedValuesAreSkippedInTheOrderAdded() {
        var directory = Self.directory([("a", 1), ("b", 2), ("c", 3), ("d", 4)])
        directory["b"] = nil
        directory["e"] = Entry(key: "e", value: 5)
        directory["b"] = Entry(key: "b", value: 6)
        #expect(directory.reachable.map(\.value) == [1, 3, 4, 5, 6])
        #expect(directory.all.map(\.value) == [1, 3, 4, 5, 6])
        #expect(directory["b"]?.value == 6)
        #expect(directory.count == 5)
        #expect(directory.removeAllValues().map(\.value) == [1, 3, 4, 5, 6])
        #expect(directory.isEmpty && directory["a"] == nil)
        directory["x"] = Entry(key: "x", value: 9)
        #expect(directory.reachable.map(\.value) == [9])
    }

    /// Handed over in place: values moved down over removed ones, first, last and side by
    /// side, keep the order they were added in.
    @Test func handedOverWithRemovalsAnywhere() {
        var directory = Self.directory((1...8).map { ("k\($0)", $0) })
        for id in ["k1", "k3", "k4", "k8"] { directory[id] = nil }
        #expect(directory.removeAllValues().map(\.value) == [2, 5, 6, 7])
        directory["k1"] = Entry(key: "k1", value: 10)
        #expect(directory.all.map(\.value) == [10] && directory["k1"]?.value == 10)
    }

    /// A place names its value until the directory is emptied: a value removed and added again
    /// takes a new place, the old one stays counted.
    @Test func aPlaceKeepsNamingItsValue() {
        var directory = Self.directory([("a", 1), ("b", 2)])
        let b = directory.place(of: "b")!
        directory["a"] = nil
        directory["a"] = Entry(key: "a", value: 3)
        #expect(directory.place(of: "b") == b && directory[place: b].value == 2)
        #expect(directory.place(of: "a") == 2 && directory.placeCount == 3)
        directory[place: b].value = 7
        #expect(directory["b"]?.value == 7)
        #expect(directory.place(of: "z") == nil)
    }

    /// A field read in place: the value kept under the id now, nil for an id never added or
    /// removed, and a value replaced is read as it is now.
    @Test func aValueIsReadWhereItLies() {
        var directory = Self.directory([("a", 1), ("b", 2), ("c", 3)])
        directory["b"] = nil
        directory["c"] = Entry(key: "c", value: 30)
        #expect(directory.read("a") { $0.value * 10 } == 10)
        #expect(directory.read("c") { $0.value } == 30)
        #expect(directory.read("b") { $0.value } == nil)
        #expect(directory.read("z") { $0.value } == nil)
    }

    @Test func nothingRemovedReadsEveryValue() {
        let directory = Self.directory([("a", 1), ("a", 2), ("b", 3)])
        #expect(directory.reachable.map(\.value) == [2, 3])
        #expect(directory.count == 2)
    }

    /// The next state's contracts: the kept ones, found by id, listed in id order for the
    /// state file (whatever order they were added in), removed ones neither kept nor listed.
    @Test func filteredAndListedInIdOrder() {
        var directory = Self.directory([("c", 3), ("a", 1), ("d", 4), ("b", 2)])
        directory["d"] = nil
        #expect(directory.inIdOrder.map(\.value) == [1, 2, 3])
        let kept = directory.filter { id, entry in id != "a" && entry.value < 4 }
        #expect(kept.all.map(\.value) == [3, 2])
        #expect(kept["b"]?.value == 2 && kept["a"] == nil && kept["d"] == nil)
        #expect(kept.count == 2)
        #expect(kept.inIdOrder.map(\.value) == [2, 3])
        let everything = kept.filter { _, _ in true }
        #expect(everything.all.map(\.value) == [3, 2] && everything["c"]?.value == 3)
    }

    /// Places in id order: none made when the values came in id order and none was removed;
    /// otherwise the reachable places, sorted by id.
    @Test func placesInIdOrder() {
        var sorted = Self.directory([("a", 1), ("b", 2), ("c", 3)])
        #expect(sorted.placesInIdOrder == nil)
        #expect(sorted.key(at: 1) == "b")
        let unsorted = Self.directory([("c", 3), ("a", 1), ("b", 2)])
        #expect(unsorted.placesInIdOrder == [1, 2, 0])
        sorted["b"] = nil
        #expect(sorted.placesInIdOrder == [0, 2])
    }

    @Test func shrinkingKeepsTheValuesAndGivesBackTheRoom() {
        var values = Array(0..<1_000)
        values.reserveCapacity(4_000)
        values.shrinkToFit()
        #expect(values == Array(0..<1_000))
        #expect(values.capacity < 2_000)
        var directory = Directory<Entry>()
        for index in 0..<1_000 { directory["\(index)"] = Entry(key: "\(index)", value: index) }
        directory.shrinkToFit()
        #expect(directory["999"]?.value == 999 && directory.count == 1_000)
    }

    /// The index holds places only and asks the values for their keys: through its growth from
    /// 16 slots, and with a third of the keys removed and some added back (removed entries
    /// are passed over by lookups and reused by insertions), every key finds its own value
    /// and no removed key finds anything.
    @Test func everyKeyFindsItsValueThroughGrowthAndRemovals() {
        var directory = Directory<Entry>()
        for index in 0..<20_000 { directory["id-\(index)"] = Entry(key: "id-\(index)", value: index) }
        for index in stride(from: 0, to: 20_000, by: 3) { directory["id-\(index)"] = nil }
        for index in stride(from: 0, to: 3_000, by: 3) { directory["id-\(index)"] = Entry(key: "id-\(index)", value: -index) }
        for index in 0..<20_000 {
            let found = directory["id-\(index)"]?.value
            if index % 3 != 0 {
                #expect(found == index)
            } else if index < 3_000 {
                #expect(found == -index)
            } else {
                #expect(found == nil)
            }
        }
        #expect(directory.count == 20_000 - 6_667 + 1_000)
        #expect(directory["id-20000"] == nil && directory["id-"] == nil)
        // Emptied and filled again, the index starts over.
        _ = directory.removeAllValues()
        directory["id-1"] = Entry(key: "id-1", value: 1)
        #expect(directory.count == 1 && directory.place(of: "id-1") == 0)
    }
}
