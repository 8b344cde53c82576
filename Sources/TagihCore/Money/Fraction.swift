/// An exact fraction on Int128, used between reading amounts and rounding them once.
/// The spec rounds at three points only (line net, voucher discount, tax): everything
/// before a rounding point is kept as a fraction so no intermediate rounding creeps in.
public struct Fraction: Sendable, Comparable, Hashable, CustomStringConvertible {
    public let numerator: Int128
    public let denominator: Int128

    public init(_ numerator: Int128, _ denominator: Int128 = 1) {
        precondition(denominator != 0, "fraction with zero denominator")
        if denominator < 0 {
            self.numerator = -numerator
            self.denominator = -denominator
        } else {
            self.numerator = numerator
            self.denominator = denominator
        }
    }

    public init(_ integer: Int64) { self.init(Int128(integer), 1) }
    public init(_ integer: Int) { self.init(Int128(integer), 1) }

    public var reduced: Fraction {
        let divisor = gcd(numerator.magnitude, denominator.magnitude)
        guard divisor > 1 else { return self }
        return Fraction(numerator / Int128(divisor), denominator / Int128(divisor))
    }

    public static func * (lhs: Fraction, rhs: Fraction) -> Fraction {
        Fraction(lhs.numerator * rhs.numerator, lhs.denominator * rhs.denominator).reduced
    }

    public static func * (lhs: Fraction, rhs: Int) -> Fraction {
        Fraction(lhs.numerator * Int128(rhs), lhs.denominator).reduced
    }

    public static func / (lhs: Fraction, rhs: Fraction) -> Fraction {
        Fraction(lhs.numerator * rhs.denominator, lhs.denominator * rhs.numerator).reduced
    }

    public static func + (lhs: Fraction, rhs: Fraction) -> Fraction {
        Fraction(lhs.numerator * rhs.denominator + rhs.numerator * lhs.denominator, lhs.denominator * rhs.denominator).reduced
    }

    public static func - (lhs: Fraction, rhs: Fraction) -> Fraction {
        Fraction(lhs.numerator * rhs.denominator - rhs.numerator * lhs.denominator, lhs.denominator * rhs.denominator).reduced
    }

    public static func < (lhs: Fraction, rhs: Fraction) -> Bool {
        lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }

    public static func == (lhs: Fraction, rhs: Fraction) -> Bool {
        lhs.numerator * rhs.denominator == rhs.numerator * lhs.denominator
    }

    public func hash(into hasher: inout Hasher) {
        let reduced = self.reduced
        hasher.combine(reduced.numerator)
        hasher.combine(reduced.denominator)
    }

    /// Rounds half away from zero (commercial "half-up": 2.5 → 3, -2.5 → -3).
    public func roundedHalfUp() -> Int128 {
        let quotient = numerator / denominator
        let remainder = numerator % denominator
        // |remainder| * 2 >= denominator means the dropped part is a half or more.
        if remainder.magnitude * 2 >= denominator.magnitude {
            return numerator < 0 ? quotient - 1 : quotient + 1
        }
        return quotient
    }

    /// This amount of major units, rounded half-up to `minorUnits` decimals, as minor units.
    public func roundedToMinorUnits(_ minorUnits: Int) -> Int64 {
        let scaled = Fraction(numerator * Int128(pow10(minorUnits)), denominator)
        return Int64(scaled.roundedHalfUp())
    }

    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }
}

private func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
    var (a, b) = (a, b)
    while b != 0 { (a, b) = (b, a % b) }
    return a
}
