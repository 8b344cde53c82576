public enum OrderType: String, Sendable, CaseIterable {
    /// Buys a prepaid term from the order's date.
    case new
    /// Extends a prepaid subscription's current end.
    case renew
    /// Adds seats for the days left in the current term.
    case addQuota = "add_quota"
}

/// A prepaid checkout: clinic software bought for a term, a per-employee licence, more seats.
public struct Order: Sendable {
    public var id: String
    public var tenantId: String
    public var productId: String
    public var type: OrderType
    public var createdAt: Instant
    public var quantity: Int
    public var termMonths: Int
    public var voucher: String
    /// Where the invoice and receipt go, when not the tenant's address.
    public var email: String
    /// For renew and add_quota; for new, the id the bought subscription gets (the order id when empty).
    public var subscriptionId: String
    public var location: SourceLocation
    /// Where `subscription_id` was read, for problems with it.
    public var subscriptionLocation: SourceLocation?

    public init(
        id: String, tenantId: String, productId: String, type: OrderType, createdAt: Instant, quantity: Int = 1,
        termMonths: Int = 12, voucher: String = "", email: String = "", subscriptionId: String = "",
        location: SourceLocation = .file(""), subscriptionLocation: SourceLocation? = nil
    ) {
        self.id = id
        self.tenantId = tenantId
        self.productId = productId
        self.type = type
        self.createdAt = createdAt
        self.quantity = quantity
        self.termMonths = termMonths
        self.voucher = voucher
        self.email = email
        self.subscriptionId = subscriptionId
        self.location = location
        self.subscriptionLocation = subscriptionLocation
    }
}

/// A subscription bought by orders rather than billed every term: it lives in state, from
/// its `new` order, extended by `renew` orders, with seats added by `add_quota` orders.
public struct PrepaidSubscription: Sendable, Equatable {
    public var id: String
    public var tenantId: String
    public var productId: String
    public var seats: Int
    /// The current term: its first day and the day after its last (the next term's start).
    public var termStart: CivilDate
    public var termEnd: CivilDate
    public var termMonths: Int

    public init(id: String, tenantId: String, productId: String, seats: Int, termStart: CivilDate, termEnd: CivilDate, termMonths: Int) {
        self.id = id
        self.tenantId = tenantId
        self.productId = productId
        self.seats = seats
        self.termStart = termStart
        self.termEnd = termEnd
        self.termMonths = termMonths
    }
}

/// An order whose payment code was still valid when a run ended: what its invoice is, and how
/// to undo what it did to its subscription if the code lapses unpaid.
public struct PendingOrder: Sendable, Equatable {
    public var orderId: String
    public var invoice: String
    public var tenantId: String
    public var productId: String
    public var type: OrderType
    public var subscriptionId: String
    public var createdAt: Instant
    public var expiresAt: Instant
    public var paymentCode: String
    public var email: String
    /// Seats bought or added, and months bought.
    public var seats: Int
    public var months: Int
    /// The subscription's term before this order changed it (for renew), to restore on expiry.
    public var previousTermStart: CivilDate?
    public var previousTermEnd: CivilDate?
    public var previousTermMonths: Int?
    /// The voucher redeemed on its invoice, released if the order lapses unpaid.
    public var voucher: String = ""
    /// A renewal of a recurring subscription (a renew order or a renewal invoice): what its
    /// contract was before, to restore if the order lapses unpaid.
    public var onContract = false
    public var contractEnd: CivilDate?
    public var contractPrepaidUntil: CivilDate?

    public init(
        orderId: String, invoice: String, tenantId: String, productId: String, type: OrderType, subscriptionId: String,
        createdAt: Instant, expiresAt: Instant, paymentCode: String, email: String, seats: Int, months: Int,
        previousTermStart: CivilDate? = nil, previousTermEnd: CivilDate? = nil, previousTermMonths: Int? = nil
    ) {
        self.orderId = orderId
        self.invoice = invoice
        self.tenantId = tenantId
        self.productId = productId
        self.type = type
        self.subscriptionId = subscriptionId
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.paymentCode = paymentCode
        self.email = email
        self.seats = seats
        self.months = months
        self.previousTermStart = previousTermStart
        self.previousTermEnd = previousTermEnd
        self.previousTermMonths = previousTermMonths
    }
}

public enum VoucherKind: String, Sendable, CaseIterable {
    case percent
    case fixed
}

/// A discount code: percent or fixed off an invoice's subtotal, within dates, for some
/// products, a limited number of times across runs.
public struct Voucher: Sendable {
    public enum Value: Sendable, Equatable {
        case percent(Rate)
        case fixed(Money)
    }

    public var code: String
    public var value: Value
    public var validFrom: CivilDate?
    public var validTo: CivilDate?
    public var maxRedemptions: Int?
    /// Empty: every product.
    public var products: [String]
    public var location: SourceLocation

    public init(code: String, value: Value, validFrom: CivilDate? = nil, validTo: CivilDate? = nil, maxRedemptions: Int? = nil,
                products: [String] = [], location: SourceLocation = .file("")) {
        self.code = code
        self.value = value
        self.validFrom = validFrom
        self.validTo = validTo
        self.maxRedemptions = maxRedemptions
        self.products = products
        self.location = location
    }
}

extension Order {
    /// Everything an order's invoice is made from.
    public var digest: Digest {
        var builder = DigestBuilder()
        for field in [id, tenantId, productId, type.rawValue, voucher.uppercased(), email, subscriptionId] { builder.add(field) }
        builder.add(createdAt)
        builder.add(quantity)
        builder.add(termMonths)
        return builder.digest
    }
}

extension Order: Keyed { public var key: String { id } }
extension Voucher: Keyed { public var key: String { code } }
