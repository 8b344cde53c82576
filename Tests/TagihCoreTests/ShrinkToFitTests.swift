import Testing
@testable import TagihCore

/// Room is given back only when it is worth the copy: an eighth of the array or more.
@Suite struct ShrinkToFitTests {
    @Test func givesBackOnlyRoomWorthTheCopy() {
        var nearlyFull = [Int]()
        nearlyFull.reserveCapacity(1_000)
        let capacity = nearlyFull.capacity
        nearlyFull += 0..<(capacity - capacity / 10)
        // A tenth left over: less than an eighth, kept as it is.
        nearlyFull.shrinkToFit()
        #expect(nearlyFull.capacity == capacity)
        #expect(nearlyFull == Array(0..<(capacity - capacity / 10)))

        var halfFull = [Int]()
        halfFull.reserveCapacity(1_000)
        halfFull += 0..<(capacity / 2)
        halfFull.shrinkToFit()
        #expect(halfFull.capacity < capacity / 2 + capacity / 8)
        #expect(halfFull == Array(0..<(capacity / 2)))

        var empty = [Int]()
        empty.reserveCapacity(16)
        empty.shrinkToFit()
        #expect(empty.isEmpty)
    }
}
