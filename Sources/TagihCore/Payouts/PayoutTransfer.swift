/// One transfer a run releases, with what the tenant's row says about where it goes. The
/// upload formats check and translate it; nothing here is corrected on the way.
public struct PayoutTransfer: Sendable, Equatable {
    public var tenantId: String
    /// `TF-KLK001-20261130`: the tenant and the run's as-of; unique per transfer.
    public var reference: String
    /// The day a bank statement's short description names (`KLK001 261130`): the run's as-of.
    public var dated: CivilDate
    public var amount: Money
    /// As the tenant's row wrote it.
    public var account: BankAccount
    public var email: String
    public var phone: String
    /// The references of the windows it pays (`PO-KLK001-20261102`), in order.
    public var windows: [String]

    public init(tenantId: String, reference: String, dated: CivilDate, amount: Money, account: BankAccount,
                email: String, phone: String = "", windows: [String] = []) {
        self.tenantId = tenantId
        self.reference = reference
        self.dated = dated
        self.amount = amount
        self.account = account
        self.email = email
        self.phone = phone
        self.windows = windows
    }
}
