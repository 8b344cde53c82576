/// Values found by id, stored compactly: the values in one array and a small index of id to
/// position. A dictionary of large values costs several times the values themselves (its
/// buckets are rounded up to a power of two and hold the values); a hundred thousand tenants
/// are kept here in about a third of that.
public struct Directory<Value: Sendable>: Sendable {
    private var values: [Value] = []
    private var index: [String: Int32] = [:]
    /// Places of values removed (left in `values`, unreachable).
    private var removed: Set<Int32> = []

    public init() {}

    /// From (id, value) pairs; a later pair with the same id replaces the earlier.
    public init(_ pairs: [(String, Value)]) {
        values.reserveCapacity(pairs.count)
        index.reserveCapacity(pairs.count)
        for (id, value) in pairs {
            if let position = index[id] {
                values[Int(position)] = value
            } else {
                index[id] = Int32(values.count)
                values.append(value)
            }
        }
    }

    public init(_ dictionary: [String: Value]) {
        self.init(dictionary.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    public subscript(id: String) -> Value? {
        get { index[id].map { values[Int($0)] } }
        set {
            if let newValue {
                if let position = index[id] { values[Int(position)] = newValue } else {
                    index[id] = Int32(values.count)
                    values.append(newValue)
                }
            } else {
                // The value stays in the array, unreachable; removals are rare (an invalid order,
                // a lapsed one).
                if let position = index.removeValue(forKey: id) { removed.insert(position) }
            }
        }
    }

    /// Where a value is kept: a place stays the value's until the directory is emptied, so
    /// other tables can name values by a 4-byte place instead of their id.
    public func place(of id: String) -> Int32? { index[id] }

    /// The value kept at a place `place(of:)` gave.
    public subscript(place place: Int32) -> Value {
        get { values[Int(place)] }
        set { values[Int(place)] = newValue }
    }

    /// How many places there are, removed ones included.
    public var placeCount: Int { values.count }

    public var count: Int { index.count }
    public var isEmpty: Bool { index.isEmpty }
    public func contains(_ id: String) -> Bool { index[id] != nil }

    /// The ids, in no particular order.
    public var ids: Dictionary<String, Int32>.Keys { index.keys }

    /// Empties the directory and hands over every value still reachable, in the order they
    /// were added, in the storage they were kept in.
    public mutating func removeAllValues() -> [Value] {
        index = [:]
        var taken: [Value] = []
        swap(&taken, &values)
        if !removed.isEmpty {
            // Moved down over the removed places in place: a copy beside them would double
            // the largest thing a run holds as it ends (its receivables, 41 MB at 120,000).
            var kept = 0
            for place in taken.indices where !removed.contains(Int32(place)) {
                if kept != place { taken.swapAt(kept, place) }
                kept += 1
            }
            taken.removeLast(taken.count - kept)
            removed = []
        }
        return taken
    }

    /// The values `isIncluded` keeps, in the order they were added, in a directory of their
    /// own with no room to spare (the next state keeps it to the end of the run); itself when
    /// every value is kept.
    public func filter(_ isIncluded: (String, Value) -> Bool) -> Directory {
        var places = index.compactMap { id, place in isIncluded(id, values[Int(place)]) ? (id, place) : nil }
        // All kept: the same storage, not a second copy beside the first.
        if places.count == values.count { return self }
        places.sort { $0.1 < $1.1 }
        var kept = Directory()
        kept.values.reserveCapacity(places.count)
        kept.index.reserveCapacity(places.count)
        for (id, place) in places {
            kept.index[id] = Int32(kept.values.count)
            kept.values.append(values[Int(place)])
        }
        return kept
    }

    /// Every value still reachable, in id order, read in place: only the order is made (an
    /// id and a place per value), not a sorted copy of the values.
    public var inIdOrder: some Collection<Value> {
        let places = index.sorted { $0.key < $1.key }.map(\.value)
        let values = self.values
        return places.lazy.map { values[Int($0)] }
    }

    /// Gives back the room the values grew into while they were added.
    public mutating func shrinkToFit() { values.shrinkToFit() }

    /// Every value still reachable, in the order they were added.
    public var all: [Value] {
        index.count == values.count ? values : Array(reachable)
    }

    /// The same, read in place: no copy of the values is made.
    public var reachable: LazyMapSequence<LazyFilterSequence<Range<Int>>, Value> {
        let values = self.values, removed = self.removed
        return values.indices.lazy.filter { removed.isEmpty || !removed.contains(Int32($0)) }.map { values[$0] }
    }
}
