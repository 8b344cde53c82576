import Testing
@testable import TagihCore

/// Places found by keys kept elsewhere: here the keys are an array of texts, and every key
/// hashes alike in the first test, so every lookup walks one chain of slots.
@Suite struct PlaceIndexTests {
    @Test func aChainOfCollisionsIsWalkedPastRemovedEntries() {
        let keys = (0..<40).map { "key-\($0)" }
        var index = PlaceIndex()
        for place in keys.indices { index.insert(Int32(place), hash: 7) { _ in 7 } }
        #expect(index.count == 40)
        for (place, key) in keys.enumerated() { #expect(index.find(hash: 7) { keys[Int($0)] == key } == Int32(place)) }
        #expect(index.remove(hash: 7) { keys[Int($0)] == "key-3" } == 3)
        #expect(index.remove(hash: 7) { keys[Int($0)] == "key-3" } == nil)
        #expect(index.find(hash: 7) { keys[Int($0)] == "key-3" } == nil)
        // Found past the removed entry, which an insertion takes again.
        #expect(index.find(hash: 7) { keys[Int($0)] == "key-39" } == 39)
        index.insert(3, hash: 7) { _ in 7 }
        #expect(index.find(hash: 7) { keys[Int($0)] == "key-3" } == 3 && index.count == 40)
        #expect(Set(index.places) == Set((0..<40).map(Int32.init)))
    }

    /// Keys removed and added over and over leave removed entries behind: the table is
    /// rebuilt without them instead of filling up, and a missing key is still not found.
    @Test func churnDoesNotFillTheTable() {
        let keys = (0..<1_000).map { "k\($0)" }
        var index = PlaceIndex()
        let hash = { (place: Int32) in keys[Int(place)].hashValue }
        for place in 0..<10 { index.insert(Int32(place), hash: hash(Int32(place))) { hash($0) } }
        for round in 0..<200 {
            let place = Int32(10 + round)
            index.insert(place, hash: hash(place)) { hash($0) }
            let old = Int32(round)
            #expect(index.remove(hash: hash(old)) { $0 == old } == old)
        }
        #expect(index.count == 10)
        #expect(Set(index.places) == Set((200..<210).map(Int32.init)))
        #expect(index.find(hash: "missing".hashValue) { keys[Int($0)] == "missing" } == nil)
    }
}
