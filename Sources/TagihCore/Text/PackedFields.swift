/// Up to seven short texts kept as one string and where each ends. A record's names, emails
/// and addresses as strings of their own take 16 bytes each in line and an allocation each
/// once longer than 15 bytes; a hundred thousand tenants held 19 MB in line and 13 MB of
/// allocations that way. The string may be shared by many records (`moved(to:at:)`): a
/// million tenants' texts in one string take 72 MB where a string each took 120.
struct PackedFields: Sendable, Equatable {
    static let capacity = 7

    static func == (a: PackedFields, b: PackedFields) -> Bool {
        (0..<capacity).allSatisfy { a.range($0).count == b.range($0).count } && a.bytes.elementsEqual(b.bytes)
    }

    private var storage = ""
    /// Where the first field starts in `storage`, then the UTF-8 offset each field ends at;
    /// unused fields end where the last one does. Eight numbers in a tuple, not a `SIMD8`: its
    /// 32-byte alignment padded a tenant by 8 bytes.
    private var offsets: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0, 0, 0, 0)

    private func offset(_ index: Int) -> Int {
        withUnsafeBytes(of: offsets) { Int($0.load(fromByteOffset: index * 4, as: UInt32.self)) }
    }

    private mutating func setOffset(_ index: Int, _ offset: Int) {
        withUnsafeMutableBytes(of: &offsets) { $0.storeBytes(of: UInt32(offset), toByteOffset: index * 4, as: UInt32.self) }
    }

    /// Field `index`'s bytes in `storage`.
    private func range(_ index: Int) -> Range<Int> { offset(index)..<offset(index + 1) }

    /// Every field's bytes, end to end.
    private var bytes: Substring.UTF8View {
        let utf8 = storage.utf8
        return utf8[utf8.index(utf8.startIndex, offsetBy: offset(0))..<utf8.index(utf8.startIndex, offsetBy: offset(PackedFields.capacity))]
    }

    init(_ fields: [String]) {
        precondition(fields.count <= PackedFields.capacity, "at most seven fields")
        storage.reserveCapacity(fields.reduce(0) { $0 + $1.utf8.count })
        for (index, field) in fields.enumerated() {
            storage += field
            setOffset(index + 1, storage.utf8.count)
        }
        for index in fields.count..<PackedFields.capacity { setOffset(index + 1, storage.utf8.count) }
    }

    subscript(index: Int) -> String {
        get {
            precondition(index >= 0 && index < PackedFields.capacity, "at most seven fields")
            let range = range(index)
            if range.isEmpty { return "" }
            let utf8 = storage.utf8
            return String(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])!
        }
        set {
            var fields = (0..<PackedFields.capacity).map { self[$0] }
            fields[index] = newValue
            self = PackedFields(fields)
        }
    }

    /// How many bytes the fields take.
    var byteCount: Int { offset(PackedFields.capacity) - offset(0) }

    /// Appends every field's bytes to `shared`, for `moved(to:at:)`.
    func appendBytes(to shared: inout String) {
        if byteCount > 0 { shared += String(bytes)! }
    }

    /// The same fields read from `shared`, where `appendBytes` put them starting at `start`:
    /// many records' texts in one string they all share (`Directory.shareTexts()`).
    func moved(to shared: String, at start: Int) -> PackedFields {
        var moved = PackedFields()
        moved.storage = shared
        let shift = start - offset(0)
        for index in 0...PackedFields.capacity { moved.setOffset(index, offset(index) + shift) }
        return moved
    }

    private init() {}
}
