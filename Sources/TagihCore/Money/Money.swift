/// An amount of one currency in its billing minor units (whole rupiah for IDR, cents for USD).
/// Adding amounts of two currencies is a programming error and traps.
public struct Money: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var minor: Int64
    public let currency: CurrencyCode

    public init(minor: Int64, currency: CurrencyCode) {
        self.minor = minor
        self.currency = currency
    }

    /// The largest amount tagih reads, in minor units (ten trillion rupiah, a hundred billion
    /// dollars). Far above any bill, and low enough that a run's sums stay inside 64 bits:
    /// 900,000 amounts this large still add up without overflow.
    public static let largestMinorUnits: Int64 = 10_000_000_000_000

    /// The largest amount a run's payments or lines may add up to in one currency (10^17
    /// minor units): the sums derived from them (balances, totals, roll-forwards) then stay far
    /// inside 64 bits.
    public static let largestRunTotal: Int64 = 100_000_000_000_000_000

    public static func zero(_ currency: CurrencyCode) -> Money { Money(minor: 0, currency: currency) }

    public var isZero: Bool { minor == 0 }
    public var isPositive: Bool { minor > 0 }
    public var isNegative: Bool { minor < 0 }

    public static func + (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "adding \(lhs.currency) to \(rhs.currency)")
        return Money(minor: lhs.minor + rhs.minor, currency: lhs.currency)
    }

    public static func - (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "subtracting \(rhs.currency) from \(lhs.currency)")
        return Money(minor: lhs.minor - rhs.minor, currency: lhs.currency)
    }

    public static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }
    public static func -= (lhs: inout Money, rhs: Money) { lhs = lhs - rhs }
    public static prefix func - (value: Money) -> Money { Money(minor: -value.minor, currency: value.currency) }

    public static func < (lhs: Money, rhs: Money) -> Bool {
        precondition(lhs.currency == rhs.currency, "comparing \(lhs.currency) with \(rhs.currency)")
        return lhs.minor < rhs.minor
    }

    public static func min(_ a: Money, _ b: Money) -> Money { a < b ? a : b }
    public static func max(_ a: Money, _ b: Money) -> Money { a < b ? b : a }

    /// The amount as a fraction of major units, for exact arithmetic before rounding.
    public func fraction(minorUnits: Int) -> Fraction { Fraction(Int128(minor), Int128(pow10(minorUnits))) }

    /// Plain text for logs and state files: `IDR 1500000`, `USD 12.50` (needs the minor units).
    public func plain(minorUnits: Int) -> String {
        "\(currency) \(ExactDecimal(units: minor, scale: minorUnits))"
    }

    public var description: String { "\(currency) \(minor) minor" }
}
