/// An amount in whole rupiah, as Xendit's and OY!'s uploads take it: digits, no separators,
/// no decimals.
public struct WholeRupiah: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let value: Int64

    public init(_ value: Int64) { self.value = value }

    /// `money` in whole rupiah: nil unless it is IDR with nothing below the rupiah (an
    /// operator may bill IDR with 2 minor units; sen cannot be sent).
    public init?(_ money: Money, currencies: Currencies) {
        guard money.currency == .idr, let currency = currencies(money.currency) else { return nil }
        let scale = pow10(currency.minorUnits)
        guard money.minor % scale == 0 else { return nil }
        value = money.minor / scale
    }

    public var description: String { String(value) }

    public static func < (lhs: WholeRupiah, rhs: WholeRupiah) -> Bool { lhs.value < rhs.value }
}

extension CurrencyCode {
    /// `IDR`, packed as ASCII "I", "D", "R".
    static let idr = CurrencyCode(packed: 0x49_44_52)
}
