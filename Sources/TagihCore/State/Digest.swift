/// A fingerprint of a record's content (FNV-1a, 64 bits), kept in state beside the record's id
/// so that a later export carrying the same id with other content is noticed. It guards
/// against accidents, not adversaries: state is the operator's own file.
public struct Digest: Hashable, Sendable, CustomStringConvertible {
    public let value: UInt64

    public init(value: UInt64) { self.value = value }

    /// Sixteen lower-case hex digits.
    public var description: String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    public init?(hex: String) {
        guard hex.utf8.count == 16, let value = UInt64(hex, radix: 16) else { return nil }
        self.value = value
    }
}

/// Builds a digest from a record's fields in a fixed order; each field ends with a separator so
/// that ("ab", "c") and ("a", "bc") differ.
public struct DigestBuilder: Sendable {
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add(_ text: String) {
        for byte in text.utf8 { mix(byte) }
        mix(0x1F)
    }

    public mutating func add(_ value: Int64) { add(String(value)) }
    public mutating func add(_ value: Int) { add(String(value)) }
    public mutating func add(_ money: Money?) { add(money.map { "\($0.currency) \($0.minor)" } ?? "-") }
    public mutating func add(_ date: CivilDate?) { add(date?.description ?? "-") }
    public mutating func add(_ instant: Instant?) { add(instant.map { String($0.seconds) } ?? "-") }

    private mutating func mix(_ byte: UInt8) {
        hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    public var digest: Digest { Digest(value: hash) }
}
