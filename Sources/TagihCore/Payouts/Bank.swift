/// One bank as the payout formats need it: its interbank code, a display name, and what
/// each service calls it.
public struct Bank: Hashable, Sendable, CustomStringConvertible {
    public let code: BankCode
    /// The name OY! lists the code under (`BCA`, `Bank Mandiri`).
    public let name: String
    /// Nil when Xendit's channel list has no channel that is clearly this bank.
    public let xenditChannel: XenditChannelCode?
    /// Other spellings a tenant may write, normalised (see `BankDirectory.normalise`).
    public let aliases: [String]

    public init(code: BankCode, name: String, xenditChannel: XenditChannelCode?, aliases: [String] = []) {
        self.code = code
        self.name = name
        self.xenditChannel = xenditChannel
        self.aliases = aliases
    }

    /// `014 BCA`.
    public var description: String { "\(code) \(name)" }
}
