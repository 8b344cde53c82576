/// An Indonesian bank's three-digit interbank code (`014` is BCA): the code ATM networks,
/// BI-FAST and payout services such as OY! name banks by. Kept as text: the leading zeros
/// are part of the code.
public struct BankCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let digits: String

    /// Exactly three ASCII digits; anything else is nil.
    public init?(_ text: some StringProtocol) {
        guard text.utf8.count == 3, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        digits = String(text)
    }

    public var description: String { digits }

    public static func < (lhs: BankCode, rhs: BankCode) -> Bool { lhs.digits < rhs.digits }
}

/// Xendit's name for a payout destination (`ID_BCA`), which its batch upload takes in
/// `Channel Code`; it is not the numeric interbank code.
public struct XenditChannelCode: Hashable, Sendable, CustomStringConvertible {
    public let text: String

    public init(_ text: String) { self.text = text }

    public var description: String { text }
}
