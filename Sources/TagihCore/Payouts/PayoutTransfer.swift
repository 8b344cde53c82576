/// One transfer a run releases, with what the tenant's row says about where it goes. The
/// upload formats check and translate it; nothing here is corrected on the way.
public struct PayoutTransfer: Sendable, Equatable {
    public var tenantId: String
    /// `PO-KLK001-20261102`: unique per tenant and window.
    public var reference: String
    public var windowStart: CivilDate
    public var amount: Money
    /// As the tenant's row wrote it.
    public var account: BankAccount
    public var email: String
    public var phone: String

    public init(tenantId: String, reference: String, windowStart: CivilDate, amount: Money, account: BankAccount,
                email: String, phone: String = "") {
        self.tenantId = tenantId
        self.reference = reference
        self.windowStart = windowStart
        self.amount = amount
        self.account = account
        self.email = email
        self.phone = phone
    }

    /// The transfer a paid window sends; nil for a held window or a tenant without a bank account.
    public init?(payout: WindowPayout, tenant: Tenant) {
        guard payout.isPaid, let bank = tenant.bank else { return nil }
        self.init(tenantId: tenant.id, reference: payout.reference, windowStart: payout.window.start, amount: payout.amount,
                  account: bank, email: tenant.email, phone: tenant.phone)
    }
}
