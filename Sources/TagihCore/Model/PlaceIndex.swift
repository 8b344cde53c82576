/// An index from keys to places in an array that holds the keys itself: an open-addressed
/// table of 4-byte places, probed linearly, asking the caller whether the key at a place is
/// the one sought. A `[String: Int32]` beside the array keeps a second copy of every key in
/// its buckets: 42 MB for a million tenants, where this takes 8 MB.
public struct PlaceIndex: Sendable {
    private static let empty: Int32 = -1
    /// A removed entry: probing goes past it, an insertion may reuse it.
    private static let gone: Int32 = -2

    private var slots: [Int32] = []
    /// Places indexed.
    public private(set) var count = 0
    /// Slots not empty: places and removed entries.
    private var taken = 0

    public init() {}

    /// Room for `capacity` places without growing.
    public init(capacity: Int) {
        var size = 16
        while capacity * 4 > size * 3 { size *= 2 }
        slots = Array(repeating: Self.empty, count: size)
    }

    public var isEmpty: Bool { count == 0 }

    /// The place whose key `matches` says is the one hashed to `hash`, if any.
    public func find(hash: Int, _ matches: (Int32) -> Bool) -> Int32? {
        slot(hash: hash, matches).map { slots[$0] }
    }

    /// The slot holding that place.
    private func slot(hash: Int, _ matches: (Int32) -> Bool) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = hash & mask
        while true {
            let place = slots[slot]
            if place == Self.empty { return nil }
            if place >= 0 && matches(place) { return slot }
            slot = (slot + 1) & mask
        }
    }

    /// Indexes `place`, whose key hashes to `hash` and is not indexed yet; `rehash` gives the
    /// hash of a place already indexed when the table grows.
    public mutating func insert(_ place: Int32, hash: Int, rehash: (Int32) -> Int) {
        // Grown (or cleared of removed entries) at three quarters full, so probes stay short.
        if (taken + 1) * 4 > slots.count * 3 { resize(for: count + 1, rehash: rehash) }
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        if slots[slot] == Self.empty { taken += 1 }
        slots[slot] = place
        count += 1
    }

    /// Removes the place whose key `matches` says is the one hashed to `hash`; returns it.
    public mutating func remove(hash: Int, _ matches: (Int32) -> Bool) -> Int32? {
        guard let slot = slot(hash: hash, matches) else { return nil }
        let place = slots[slot]
        slots[slot] = Self.gone
        count -= 1
        return place
    }

    public mutating func removeAll() {
        slots = []
        count = 0
        taken = 0
    }

    /// Every place indexed, in no particular order.
    public var places: some Sequence<Int32> { slots.lazy.filter { $0 >= 0 } }

    private mutating func resize(for wanted: Int, rehash: (Int32) -> Int) {
        let old = slots
        slots = PlaceIndex(capacity: wanted).slots
        let size = slots.count
        taken = 0
        count = 0
        let mask = size - 1
        for place in old where place >= 0 {
            var slot = rehash(place) & mask
            while slots[slot] != Self.empty { slot = (slot + 1) & mask }
            slots[slot] = place
            taken += 1
            count += 1
        }
    }
}
