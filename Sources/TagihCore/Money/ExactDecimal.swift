/// An exact decimal number: `units / 10^scale`. Every amount, price and rate that tagih reads
/// becomes one of these; nothing passes through a binary float.
public struct ExactDecimal: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let units: Int64
    public let scale: Int

    /// The longest digit string accepted; keeps every product of amounts inside Int128.
    public static let maxDigits = 18

    public init(units: Int64, scale: Int = 0) {
        precondition(scale >= 0 && scale <= ExactDecimal.maxDigits)
        self.units = units
        self.scale = scale
    }

    public static let zero = ExactDecimal(units: 0)

    public var isNegative: Bool { units < 0 }
    public var isZero: Bool { units == 0 }

    /// The value as a fraction of major units.
    public var fraction: Fraction { Fraction(Int128(units), Int128(pow10(scale))) }

    /// Digits after the point once trailing zeros are dropped (`1.50` has 1).
    public var significantScale: Int {
        guard units != 0 else { return 0 }
        var scale = self.scale
        var units = self.units
        while scale > 0 && units % 10 == 0 { units /= 10; scale -= 1 }
        return scale
    }

    /// The same value written with at least `scale` decimals (`49.9` as `49.90`).
    public func padded(toScale target: Int) -> ExactDecimal {
        guard target > scale, target <= ExactDecimal.maxDigits,
              case let (units, overflow) = units.multipliedReportingOverflow(by: pow10(target - scale)), !overflow else { return self }
        return ExactDecimal(units: units, scale: target)
    }

    /// The amount in minor units when it is exact there (`150000.00` IDR is 150000), else nil.
    public func exactMinorUnits(_ minorUnits: Int) -> Int64? {
        guard significantScale <= minorUnits else { return nil }
        if scale >= minorUnits { return units / pow10(scale - minorUnits) }
        let (value, overflow) = units.multipliedReportingOverflow(by: pow10(minorUnits - scale))
        return overflow ? nil : value
    }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        lhs.fraction < rhs.fraction
    }

    public static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        lhs.fraction == rhs.fraction
    }

    public func hash(into hasher: inout Hasher) {
        let reduced = fraction.reduced
        hasher.combine(reduced.numerator)
        hasher.combine(reduced.denominator)
    }

    /// Plain dot-decimal text, trailing zeros kept as written: `-1234.50`.
    public var description: String {
        let magnitude = units.magnitude
        var digits = String(magnitude)
        if scale > 0 {
            if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
        }
        return units < 0 ? "-" + digits : digits
    }
}

/// 10^n for 0 ≤ n ≤ 18.
@inline(__always)
public func pow10(_ n: Int) -> Int64 {
    precondition(n >= 0 && n <= 18)
    return powersOfTen[n]
}

private let powersOfTen: [Int64] = {
    var table: [Int64] = [1]
    for _ in 1...18 { table.append(table.last! * 10) }
    return table
}()
