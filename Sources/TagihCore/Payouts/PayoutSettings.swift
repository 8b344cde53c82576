/// `settings.payouts`: which upload files a run writes beside `payouts.csv`, and the account
/// the operator pays from.
public struct PayoutSettings: Sendable, Equatable {
    /// In the order settings list them; empty writes `payouts.csv` alone.
    public var formats: [PayoutFormat]
    /// Not used by Xendit or OY! (both pay from the operator's balance with them); bank
    /// formats name it in their header.
    public var debitAccount: DebitAccount?

    public init(formats: [PayoutFormat] = [], debitAccount: DebitAccount? = nil) {
        self.formats = formats
        self.debitAccount = debitAccount
    }

    public static let none = PayoutSettings()
}

/// The operator's own account that bank-portal payouts are debited from.
public struct DebitAccount: Sendable, Equatable {
    public var bank: Bank
    /// Digits only.
    public var account: String
    public var holder: String

    public init(bank: Bank, account: String, holder: String) {
        self.bank = bank
        self.account = account
        self.holder = holder
    }
}
