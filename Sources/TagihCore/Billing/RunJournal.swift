/// What one run adds to its month, in the order it happened: what vouchers, credit, lapsed
/// codes and payouts did, and what came late. The month's workbooks are made from the
/// journals of its runs; a journal is never changed once written. Invoices, payments and
/// collections are as many as the tenants and the rows of the exports: they stream to the
/// journal's files as they are issued and applied instead of being held here.
public struct RunJournal: Sendable {
    public var voucherUses: [VoucherUse] = []
    public var creditMovements: [CreditMovement] = []
    public var expiredOrders: [ExpiredOrder] = []
    public var paidOrders: [PaidOrder] = []
    public var payouts: [WindowPayout] = []
    public var late: [LateRecord] = []
    /// Credit notes issued, in number order, and invoices voided.
    public var creditNotes: [CreditNote] = []
    public var voids: [VoidRecord] = []
    /// Adjustments that could not apply: bad input, which stops the run unless skipped.
    public var refused: [RefusedAdjustment] = []
    /// Renewal notices and invoices, renewals paid and contracts lapsed (rule 11).
    public var renewals: [RenewalRecord] = []
    /// Tenants clear again after disconnection (rule 15). (Its dunning messages go to the
    /// journal file as they are made: `BillingRun.init`'s `recordNotice`.)
    public var reconnections: [Reconnection] = []
    /// Each tenant's account over the run, for tenants whose balance moved.
    public var statements: [TenantStatement] = []
    public var findings: [Finding] = []
    /// Computed as payments are applied; the run's checks read these.
    public var payments = PaymentTotals()

    public init() {}
}
