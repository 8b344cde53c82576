/// A value a `Directory` finds by the key it carries (a tenant's id, an invoice's number).
public protocol Keyed: Sendable {
    var key: String { get }
}

/// Values found by id, stored compactly: the values in one array and a small index of id to
/// position. A dictionary of large values costs several times the values themselves (its
/// buckets are rounded up to a power of two and hold the values); a hundred thousand tenants
/// are kept here in about a third of that.
public struct Directory<Value: Keyed>: Sendable {
    private var values: [Value] = []
    /// Places by the keys the values carry: no second copy of each key (`PlaceIndex`).
    private var index = PlaceIndex()
    /// Places of values removed (left in `values`, unreachable).
    private var removed: Set<Int32> = []

    public init() {}

    /// From (id, value) pairs; a later pair with the same id replaces the earlier.
    public init(_ pairs: [(String, Value)]) {
        values.reserveCapacity(pairs.count)
        index = PlaceIndex(capacity: pairs.count)
        for (id, value) in pairs { self[id] = value }
    }

    public init(_ dictionary: [String: Value]) {
        self.init(dictionary.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    public subscript(id: String) -> Value? {
        get { place(of: id).map { values[Int($0)] } }
        set {
            if let newValue {
                precondition(newValue.key == id, "a directory's value is kept under its own key")
                if let position = place(of: id) { values[Int(position)] = newValue } else {
                    do {
                        // Read through a copy: the index cannot be changed while `self` is read.
                        let values = self.values
                        values.withUnsafeBufferPointer { values in
                            index.insert(Int32(values.count), hash: id.hashValue) { values[Int($0)].key.hashValue }
                        }
                    }
                    values.append(newValue)
                }
            } else {
                // The value stays in the array, unreachable; removals are rare (an invalid order,
                // a lapsed one).
                let values = self.values
                if let position = index.remove(hash: id.hashValue, { values[Int($0)].key == id }) { removed.insert(position) }
            }
        }
    }

    /// Where a value is kept: a place stays the value's until the directory is emptied, so
    /// other tables can name values by a 4-byte place instead of their id.
    public func place(of id: String) -> Int32? {
        // Keys compared where the values lie: through the array's subscript each candidate was
        // copied whole (a tenant's strings retained and released) to read its key.
        values.withUnsafeBufferPointer { values in
            index.find(hash: id.hashValue) { values[Int($0)].key == id }
        }
    }

    /// Reads the value kept under an id where it lies: for a field or two of it, the whole
    /// value is not copied out (a tenant's strings retained and released per row written).
    public func read<Result>(_ id: String, _ body: (Value) throws -> Result) rethrows -> Result? {
        guard let place = place(of: id) else { return nil }
        return try values.withUnsafeBufferPointer { try body($0[Int(place)]) }
    }

    /// The value kept at a place `place(of:)` gave.
    public subscript(place place: Int32) -> Value {
        get { values[Int(place)] }
        set {
            precondition(newValue.key == values[Int(place)].key, "a directory's value is kept under its own key")
            values[Int(place)] = newValue
        }
    }

    /// How many places there are, removed ones included.
    public var placeCount: Int { values.count }

    public var count: Int { index.count }
    public var isEmpty: Bool { index.isEmpty }
    public func contains(_ id: String) -> Bool { place(of: id) != nil }

    /// Empties the directory and hands over every value still reachable, in the order they
    /// were added, in the storage they were kept in.
    public mutating func removeAllValues() -> [Value] {
        index.removeAll()
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
        let places = values.indices.filter { place in
            !removed.contains(Int32(place)) && isIncluded(values[place].key, values[place])
        }
        // All kept: the same storage, not a second copy beside the first.
        if places.count == values.count { return self }
        var kept = Directory()
        kept.values.reserveCapacity(places.count)
        kept.index = PlaceIndex(capacity: places.count)
        for place in places { kept[values[place].key] = values[place] }
        return kept
    }

    /// Every value still reachable, in id order, read in place: only the order is made (an
    /// id and a place per value), not a sorted copy of the values.
    public var inIdOrder: some Collection<Value> {
        let values = self.values
        let places = values.withUnsafeBufferPointer { values in
            index.places.sorted { values[Int($0)].key < values[Int($1)].key }
        }
        return places.lazy.map { values[Int($0)] }
    }

    /// The id of the value kept at a place.
    public func key(at place: Int32) -> String { values[Int(place)].key }

    /// The places of every value still reachable, in id order; nil when that is every place in
    /// turn (values added in id order, none removed), as an export sorted by id leaves them:
    /// then nothing is sorted and no array is made.
    public var placesInIdOrder: [Int32]? {
        values.withUnsafeBufferPointer { values in
            if removed.isEmpty, values.indices.dropFirst().allSatisfy({ values[$0 - 1].key < values[$0].key }) { return nil }
            return index.places.sorted { values[Int($0)].key < values[Int($1)].key }
        }
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
