/// Splits an amount already rounded once (an invoice's discount, its tax) over its lines in
/// whole minor units, so the parts add up to it exactly.
public enum Apportionment {
    /// Whole units adding up to `total`, each as near its exact value as the sum allows
    /// (largest remainder): every exact value is rounded down, then the units still missing
    /// go one each to the values that lost the most by it: a line whose exact part is 2.6 gets
    /// its 3 before one at 2.4 does. On a tie the larger value goes first (so a line of nothing
    /// never gets a unit another line could take), then the earlier line.
    public static func settle(_ exact: [Fraction], to total: Int64) -> [Int64] {
        guard !exact.isEmpty else { return [] }
        var parts = exact.map { floor($0) }
        let missing = total - parts.reduce(0, +)
        let count = Int64(parts.count)
        // Normally 0 <= missing <= count; beyond it every part moves by the same whole number first.
        let (each, rest) = floorDivision(missing, count)
        if each != 0 { parts = parts.map { $0 + each } }
        guard rest > 0 else { return parts }
        let remainders = exact.map { $0 - Fraction(Int128(floor($0))) }
        let order = exact.indices.sorted { a, b in
            if remainders[a] != remainders[b] { return remainders[b] < remainders[a] }
            if exact[a] != exact[b] { return exact[b] < exact[a] }
            return a < b
        }
        for index in order.prefix(Int(rest)) { parts[index] += 1 }
        return parts
    }

    /// `total` split in proportion to `weights` (whole units, largest remainder); all to
    /// nothing when the weights are all zero.
    public static func proportional(_ total: Int64, weights: [Int64]) -> [Int64] {
        let sum = weights.reduce(Int64(0), +)
        guard sum != 0 else { return weights.map { _ in 0 } }
        return settle(weights.map { Fraction(Int128(total) * Int128($0), Int128(sum)) }, to: total)
    }

    private static func floor(_ value: Fraction) -> Int64 {
        let quotient = value.numerator / value.denominator
        return Int64(value.numerator % value.denominator < 0 ? quotient - 1 : quotient)
    }

    private static func floorDivision(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        var quotient = a / b
        var remainder = a % b
        if remainder < 0 { quotient -= 1; remainder += b }
        return (quotient, remainder)
    }
}
