/// A three-letter ISO 4217 code packed into 24 bits, so money values stay small and cheap to compare.
public struct CurrencyCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let packed: UInt32

    /// Accepts exactly three ASCII letters, case-insensitively; anything else is nil.
    public init?(_ text: some StringProtocol) {
        var value: UInt32 = 0
        var count = 0
        for byte in text.utf8 {
            count += 1
            guard count <= 3 else { return nil }
            let upper = (byte >= 0x61 && byte <= 0x7A) ? byte - 0x20 : byte
            guard upper >= 0x41 && upper <= 0x5A else { return nil }
            value = value << 8 | UInt32(upper)
        }
        guard count == 3 else { return nil }
        packed = value
    }

    /// From three ASCII letters given as bytes, case-insensitively.
    public init?(bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 3 else { return nil }
        var value: UInt32 = 0
        for byte in bytes {
            let upper = (byte >= 0x61 && byte <= 0x7A) ? byte - 0x20 : byte
            guard upper >= 0x41 && upper <= 0x5A else { return nil }
            value = value << 8 | UInt32(upper)
        }
        packed = value
    }

    /// From `packed`, as stored in a spill record.
    public init(packed: UInt32) { self.packed = packed }

    public var description: String {
        String(decoding: [UInt8(packed >> 16 & 0xFF), UInt8(packed >> 8 & 0xFF), UInt8(packed & 0xFF)], as: UTF8.self)
    }

    public static func < (lhs: CurrencyCode, rhs: CurrencyCode) -> Bool { lhs.packed < rhs.packed }
}
