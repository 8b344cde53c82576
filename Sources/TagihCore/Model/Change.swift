/// A row of the `changes` table (rule 12): what changes in a subscription from `effective` on.
/// Several fields may change at once; each change is applied once across runs.
public struct Change: Sendable {
    public var id: String
    /// One subscription, or `*`: every active subscription (narrowed by `onlyTenant` / `onlyProduct`).
    public var subscriptionId: String
    public var effective: CivilDate
    /// The new plan.
    public var productId: String?
    public var quantity: Int?
    /// The new due day (1-31, clamped to the month's end).
    public var dueDay: Int?
    /// The new last day of service.
    public var end: CivilDate?
    /// `status: cancelled`: no term starts after `effective`.
    public var cancel: Bool
    public var onlyTenant: String
    public var onlyProduct: String
    public var note: String
    public var location: SourceLocation

    public static let everySubscription = "*"

    public init(
        id: String, subscriptionId: String, effective: CivilDate, productId: String? = nil, quantity: Int? = nil, dueDay: Int? = nil,
        end: CivilDate? = nil, cancel: Bool = false, onlyTenant: String = "", onlyProduct: String = "", note: String = "",
        location: SourceLocation = .file("")
    ) {
        self.id = id
        self.subscriptionId = subscriptionId
        self.effective = effective
        self.productId = productId
        self.quantity = quantity
        self.dueDay = dueDay
        self.end = end
        self.cancel = cancel
        self.onlyTenant = onlyTenant
        self.onlyProduct = onlyProduct
        self.note = note
        self.location = location
    }

    public var digest: Digest {
        var builder = DigestBuilder()
        builder.add(id)
        builder.add(subscriptionId)
        builder.add(effective)
        builder.add(productId ?? "-")
        builder.add(quantity.map(String.init) ?? "-")
        builder.add(dueDay.map(String.init) ?? "-")
        builder.add(end)
        builder.add(cancel ? "cancelled" : "-")
        builder.add(onlyTenant)
        builder.add(onlyProduct)
        builder.add(note)
        return builder.digest
    }
}

/// How a contract with an `end` renews (rule 11).
public enum RenewMode: String, Sendable, CaseIterable {
    /// The tenant gets a notice `renewal_notice` before the end.
    case notice
    /// The tenant gets an invoice for the next term, paid like an order; unpaid at the end, the
    /// contract lapses.
    case invoice
}

/// What the runs have done to a recurring subscription since its row in the table: a plan,
/// due day or end changed, a renewal prepaid, a notice sent. The table stays the operator's;
/// this is kept in state, one entry per subscription that has any.
public struct ContractState: Sendable, Equatable {
    // Kept compactly (a day as its number, absent as a sentinel): a run holds one for every
    // subscription it has invoiced, 100,000 at 100,000 tenants, and ten optional days and an
    // optional count took 88 of its 144 bytes.
    public var subscriptionId: String
    /// The plan since the last change.
    public var productId: String?
    /// The invoice of the term most recently issued (for proration credit notes).
    public var lastInvoice: String?
    private var count: Int64 = ContractState.none64
    /// anchor, end, cancelled after, prepaid until, renewed for, bridge from, to and issue,
    /// last term start and end.
    private var days: (Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32) =
        (none, none, none, none, none, none, none, none, none, none)
    /// A renewal invoice that lapsed unpaid: the contract ended at its end.
    public var lapsed = false

    private static let none = Int32.min
    private static let none64 = Int64.min

    public var quantity: Int? {
        get { count == ContractState.none64 ? nil : Int(count) }
        set { count = newValue.map(Int64.init) ?? ContractState.none64 }
    }

    private static func day(_ value: Int32) -> CivilDate? { value == none ? nil : CivilDate(daysSinceEpoch: value) }
    private static func value(_ day: CivilDate?) -> Int32 { day?.daysSinceEpoch ?? none }

    /// The schedule's new first day after a due-day change: term k starts `anchor + k x months`.
    public var anchor: CivilDate? {
        get { ContractState.day(days.0) }
        set { days.0 = ContractState.value(newValue) }
    }
    /// The last day of service, after renewals and changes (overrides the table's `end`).
    public var end: CivilDate? {
        get { ContractState.day(days.1) }
        set { days.1 = ContractState.value(newValue) }
    }
    /// `status: cancelled` from a change: no term starts after this day.
    public var cancelledAfter: CivilDate? {
        get { ContractState.day(days.2) }
        set { days.2 = ContractState.value(newValue) }
    }
    /// Terms starting before this day are prepaid by a renewal: recurring billing skips them.
    public var prepaidUntil: CivilDate? {
        get { ContractState.day(days.3) }
        set { days.3 = ContractState.value(newValue) }
    }
    /// The end a renewal notice or invoice was made for (so it is made once).
    public var renewedFor: CivilDate? {
        get { ContractState.day(days.4) }
        set { days.4 = ContractState.value(newValue) }
    }
    /// A due-day change's bridge not issued yet (its issue day lies after the run that made
    /// it): the days from the old start to the new one, and the day it is issued.
    public var bridgeFrom: CivilDate? {
        get { ContractState.day(days.5) }
        set { days.5 = ContractState.value(newValue) }
    }
    public var bridgeTo: CivilDate? {
        get { ContractState.day(days.6) }
        set { days.6 = ContractState.value(newValue) }
    }
    public var bridgeIssue: CivilDate? {
        get { ContractState.day(days.7) }
        set { days.7 = ContractState.value(newValue) }
    }
    /// The term of the invoice most recently issued (for proration credit notes).
    public var lastTermStart: CivilDate? {
        get { ContractState.day(days.8) }
        set { days.8 = ContractState.value(newValue) }
    }
    public var lastTermEnd: CivilDate? {
        get { ContractState.day(days.9) }
        set { days.9 = ContractState.value(newValue) }
    }

    public static func == (a: ContractState, b: ContractState) -> Bool {
        a.subscriptionId == b.subscriptionId && a.productId == b.productId && a.lastInvoice == b.lastInvoice && a.count == b.count
            && a.lapsed == b.lapsed && a.anchor == b.anchor && a.end == b.end && a.cancelledAfter == b.cancelledAfter
            && a.prepaidUntil == b.prepaidUntil && a.renewedFor == b.renewedFor && a.bridgeFrom == b.bridgeFrom
            && a.bridgeTo == b.bridgeTo && a.bridgeIssue == b.bridgeIssue && a.lastTermStart == b.lastTermStart
            && a.lastTermEnd == b.lastTermEnd
    }

    public init(subscriptionId: String) { self.subscriptionId = subscriptionId }

    public var isEmpty: Bool {
        productId == nil && quantity == nil && anchor == nil && end == nil && cancelledAfter == nil && prepaidUntil == nil
            && renewedFor == nil && !lapsed && lastInvoice == nil && bridgeFrom == nil
    }
}

/// A renewal notice (rule 11, `renew: notice`), or an invoice's mail for `renew: invoice`.
public struct RenewalRecord: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case notice
        case invoice
        case renewed
        case lapsed
    }

    public var subscriptionId: String
    public var tenantId: String
    public var kind: Kind
    public var day: CivilDate
    /// The contract's end it is about.
    public var end: CivilDate
    /// The renewal invoice, when there is one.
    public var invoice: String

    public init(subscriptionId: String, tenantId: String, kind: Kind, day: CivilDate, end: CivilDate, invoice: String = "") {
        self.subscriptionId = subscriptionId
        self.tenantId = tenantId
        self.kind = kind
        self.day = day
        self.end = end
        self.invoice = invoice
    }
}

extension Change: Keyed { public var key: String { id } }
extension ContractState: Keyed { public var key: String { subscriptionId } }
