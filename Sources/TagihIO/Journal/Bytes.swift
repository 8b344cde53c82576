import TagihCore

/// Little-endian fields appended to a byte array: the encoding of spill and journal records.
public struct ByteWriter {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    public mutating func reset() { bytes.removeAll(keepingCapacity: true) }

    public mutating func u8(_ value: UInt8) { bytes.append(value) }
    public mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }
    public mutating func u16(_ value: UInt16) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    public mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    public mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    public mutating func i64(_ value: Int64) { u64(UInt64(bitPattern: value)) }
    public mutating func int(_ value: Int) { i64(Int64(value)) }

    public mutating func string(_ text: String) {
        u32(UInt32(text.utf8.count))
        bytes.append(contentsOf: text.utf8)
    }

    public mutating func date(_ date: CivilDate) { u32(UInt32(bitPattern: date.daysSinceEpoch)) }
    public mutating func instant(_ instant: Instant) { i64(instant.seconds) }
    public mutating func currency(_ code: CurrencyCode) { u32(code.packed) }

    /// An amount with its currency.
    public mutating func money(_ money: Money) {
        currency(money.currency)
        i64(money.minor)
    }

    public mutating func decimal(_ value: ExactDecimal) {
        i64(value.units)
        u8(UInt8(value.scale))
    }

    public mutating func optional<T>(_ value: T?, _ write: (inout ByteWriter, T) -> Void) {
        if let value {
            u8(1)
            write(&self, value)
        } else {
            u8(0)
        }
    }

    public mutating func array<T>(_ values: [T], _ write: (inout ByteWriter, T) -> Void) {
        u32(UInt32(values.count))
        for value in values { write(&self, value) }
    }
}

/// Reads what a `ByteWriter` wrote. A record read past its end is a damaged file: the reader
/// then stops handing out values (`failed` is set) instead of trapping.
public struct ByteReader {
    public let bytes: UnsafeRawBufferPointer
    public private(set) var position = 0
    public private(set) var failed = false

    public init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    public var atEnd: Bool { position >= bytes.count }

    private mutating func take(_ count: Int) -> Int? {
        guard !failed, count >= 0, position + count <= bytes.count else {
            failed = true
            return nil
        }
        defer { position += count }
        return position
    }

    public mutating func u8() -> UInt8 { take(1).map { bytes[$0] } ?? 0 }
    public mutating func bool() -> Bool { u8() == 1 }
    public mutating func u16() -> UInt16 { take(2).map { UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: $0, as: UInt16.self)) } ?? 0 }
    public mutating func u32() -> UInt32 { take(4).map { UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: $0, as: UInt32.self)) } ?? 0 }
    public mutating func u64() -> UInt64 { take(8).map { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: $0, as: UInt64.self)) } ?? 0 }
    public mutating func i64() -> Int64 { Int64(bitPattern: u64()) }
    public mutating func int() -> Int { Int(i64()) }

    public mutating func string() -> String {
        let length = Int(u32())
        guard let start = take(length) else { return "" }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<start + length]), as: UTF8.self)
    }

    /// Moves past `count` bytes unread (fields a reader does not need).
    public mutating func skip(_ count: Int) { _ = take(count) }

    /// Moves past a string without making it.
    public mutating func skipString() { skip(Int(u32())) }

    public mutating func date() -> CivilDate { CivilDate(daysSinceEpoch: Int32(bitPattern: u32())) }
    public mutating func instant() -> Instant { Instant(seconds: i64()) }
    public mutating func currency() -> CurrencyCode { CurrencyCode(packed: u32()) }

    public mutating func money() -> Money {
        let code = currency()
        return Money(minor: i64(), currency: code)
    }

    public mutating func decimal() -> ExactDecimal {
        let units = i64()
        let scale = Int(u8())
        return ExactDecimal(units: units, scale: min(scale, ExactDecimal.maxDigits))
    }

    public mutating func optional<T>(_ read: (inout ByteReader) -> T) -> T? {
        u8() == 1 ? read(&self) : nil
    }

    public mutating func array<T>(_ read: (inout ByteReader) -> T) -> [T] {
        let count = Int(u32())
        guard count <= bytes.count - position else {
            failed = true
            return []
        }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count where !failed { values.append(read(&self)) }
        return values
    }
}
