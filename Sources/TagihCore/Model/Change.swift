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
    public var subscriptionId: String
    /// The plan since the last change.
    public var productId: String?
    public var quantity: Int?
    /// The schedule's new first day after a due-day change: term k starts `anchor + k x months`.
    public var anchor: CivilDate?
    /// The last day of service, after renewals and changes (overrides the table's `end`).
    public var end: CivilDate?
    /// `status: cancelled` from a change: no term starts after this day.
    public var cancelledAfter: CivilDate?
    /// Terms starting before this day are prepaid by a renewal: recurring billing skips them.
    public var prepaidUntil: CivilDate?
    /// The end a renewal notice or invoice was made for (so it is made once).
    public var renewedFor: CivilDate?
    /// A renewal invoice that lapsed unpaid: the contract ended at its end.
    public var lapsed = false
    /// A due-day change's bridge not issued yet (its issue day lies after the run that made
    /// it): the days from the old start to the new one, and the day it is issued.
    public var bridgeFrom: CivilDate?
    public var bridgeTo: CivilDate?
    public var bridgeIssue: CivilDate?
    /// The invoice of the term most recently issued, and that term (for proration credit notes).
    public var lastInvoice: String?
    public var lastTermStart: CivilDate?
    public var lastTermEnd: CivilDate?

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
