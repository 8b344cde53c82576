public struct BankAccount: Sendable, Hashable {
    public var code: String
    public var account: String
    public var holder: String

    public init(code: String, account: String, holder: String) {
        self.code = code
        self.account = account
        self.holder = holder
    }
}

public enum PayoutSchedule: String, Sendable, CaseIterable {
    case weekly
    case monthly
    /// Collections accrue but are not paid out until the hold is lifted.
    case hold
}

/// A customer of the operator: a clinic, a school, a household on home internet.
public struct Tenant: Sendable {
    public var id: String
    /// Name, email, phone, address, tax id and service id, kept as one text: a run holds
    /// every tenant, and six strings of their own took half a tenant's 192 bytes.
    fileprivate var text: PackedFields
    public var name: String {
        get { text[0] }
        set { text[0] = newValue }
    }
    public var email: String {
        get { text[1] }
        set { text[1] = newValue }
    }
    public var phone: String {
        get { text[2] }
        set { text[2] = newValue }
    }
    public var address: String {
        get { text[3] }
        set { text[3] = newValue }
    }
    public var taxId: String {
        get { text[4] }
        set { text[4] = newValue }
    }
    /// What the operator's router knows the customer by (a PPPoE user or an IP address).
    public var serviceId: String {
        get { text[5] }
        set { text[5] = newValue }
    }
    // The fields in this order, the small ones last: laid out as read, with padding between
    // them, a tenant took 144 bytes instead of 120.
    /// The place of business tax invoices name as the buyer's; nil: the head office.
    public var nitku: NITKU?
    /// Payout and fee terms, kept out of line: only tenants that collect money through the
    /// operator (clinics) have them, and in line they took 120 of a tenant's 288 bytes.
    private var collection: Boxed<CollectionTerms>?
    public var activeSeats: Int
    public var location: SourceLocation
    public var currency: CurrencyCode
    public var language: Language

    public var bank: BankAccount? {
        get { collection?.value.bank }
        set { changeTerms { $0.bank = newValue } }
    }
    public var payoutSchedule: PayoutSchedule {
        get { collection?.value.payoutSchedule ?? .monthly }
        set { changeTerms { $0.payoutSchedule = newValue } }
    }
    public var appointmentFee: Money? {
        get { collection?.value.appointmentFee }
        set { changeTerms { $0.appointmentFee = newValue } }
    }
    public var adminFeeNew: Money? {
        get { collection?.value.adminFeeNew }
        set { changeTerms { $0.adminFeeNew = newValue } }
    }
    public var adminFeeReturning: Money? {
        get { collection?.value.adminFeeReturning }
        set { changeTerms { $0.adminFeeReturning = newValue } }
    }

    private mutating func changeTerms(_ change: (inout CollectionTerms) -> Void) {
        var terms = collection?.value ?? CollectionTerms()
        change(&terms)
        collection = terms == CollectionTerms() ? nil : Boxed(terms)
    }

    public init(
        id: String, name: String, email: String, phone: String = "", address: String = "", taxId: String = "",
        currency: CurrencyCode, language: Language = .id, activeSeats: Int = 0, bank: BankAccount? = nil,
        payoutSchedule: PayoutSchedule = .monthly, appointmentFee: Money? = nil, adminFeeNew: Money? = nil,
        adminFeeReturning: Money? = nil, location: SourceLocation = .file(""), nitku: NITKU? = nil
    ) {
        self.id = id
        text = PackedFields([name, email, phone, address, taxId, ""])
        self.nitku = nitku
        self.currency = currency
        self.language = language
        self.activeSeats = activeSeats
        self.location = location
        let terms = CollectionTerms(bank: bank, payoutSchedule: payoutSchedule, appointmentFee: appointmentFee, adminFeeNew: adminFeeNew,
                                    adminFeeReturning: adminFeeReturning)
        collection = terms == CollectionTerms() ? nil : Boxed(terms)
    }
}

extension Directory where Value == Tenant {
    /// Every tenant's texts moved into one string they share, once the tables are read: a
    /// string of its own per tenant took 120 bytes with its header and allocation, a million
    /// tenants' 120 MB, where their bytes end to end take 72. Left as they are past 4 GiB.
    public mutating func shareTexts() {
        var total = 0
        for place in 0..<placeCount { total += self[place: Int32(place)].text.byteCount }
        guard total < Int(UInt32.max) else { return }
        var shared = ""
        shared.reserveCapacity(total)
        for place in 0..<placeCount { self[place: Int32(place)].text.appendBytes(to: &shared) }
        var start = 0
        for place in 0..<placeCount {
            let text = self[place: Int32(place)].text
            self[place: Int32(place)].text = text.moved(to: shared, at: start)
            start += text.byteCount
        }
    }
}

/// What a tenant collecting money through the operator is paid out by and charges.
struct CollectionTerms: Sendable, Equatable {
    var bank: BankAccount?
    var payoutSchedule = PayoutSchedule.monthly
    var appointmentFee: Money?
    var adminFeeNew: Money?
    var adminFeeReturning: Money?
}

/// A value kept out of line and shared by copies; replaced, never changed, so copies stay apart.
final class Boxed<Value: Sendable>: Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

public enum BillingKind: String, Sendable, CaseIterable {
    /// One price per subscription, whatever its size.
    case flat
    /// Priced per seat; never fewer seats than the tenant's active staff.
    case perSeat = "per_seat"
}

/// Something the operator sells, in one variant: a price per unit per month.
public struct Product: Sendable {
    public var id: String
    public var name: String { didSet { displayName = Product.displayName(name, variant) } }
    public var variant: String { didSet { displayName = Product.displayName(name, variant) } }
    /// `StaffHub (Pro)`, or just the name when there is no variant; made once, shared by every line.
    public private(set) var displayName: String
    /// Per unit per month, in `currency`; may carry more decimals than the currency bills.
    public var price: ExactDecimal
    public var currency: CurrencyCode
    public var billing: BillingKind
    /// Allowed term lengths in months.
    public var terms: [Int]
    public var leadDays: Int
    public var taxable: Bool
    public var activation: Bool
    /// For tax invoices: Coretax's goods or services code and unit; nil: generic ones.
    public var serviceCode: GoodsServiceCode?
    public var unit: MeasureUnit?
    public var location: SourceLocation

    public init(
        id: String, name: String, variant: String = "", price: ExactDecimal, currency: CurrencyCode,
        billing: BillingKind = .flat, terms: [Int] = [1], leadDays: Int = 0, taxable: Bool = true,
        activation: Bool = false, location: SourceLocation = .file(""), serviceCode: GoodsServiceCode? = nil,
        unit: MeasureUnit? = nil
    ) {
        self.id = id
        self.name = name
        self.variant = variant
        self.displayName = Product.displayName(name, variant)
        self.price = price
        self.currency = currency
        self.billing = billing
        self.terms = terms
        self.leadDays = leadDays
        self.taxable = taxable
        self.activation = activation
        self.serviceCode = serviceCode
        self.unit = unit
        self.location = location
    }

    static func displayName(_ name: String, _ variant: String) -> String { variant.isEmpty ? name : "\(name) (\(variant))" }
}

public enum SubscriptionStatus: String, Sendable, CaseIterable {
    case active
    case cancelled
}

/// A recurring contract: term k starts (and is due) `k * termMonths` months after `start`.
public struct Subscription: Sendable {
    // In this order, and counts in 32 bits: a run holds every subscription, and laid out as
    // read they took 136 bytes each instead of 104.
    public var id: String
    public var tenantId: String
    public var productId: String
    public var voucher: String
    public var location: SourceLocation
    public var start: CivilDate
    public var end: CivilDate?
    private var storedQuantity: Int32
    private var storedTermMonths: Int32
    public var status: SubscriptionStatus
    /// How a contract with an `end` renews (rule 11).
    public var renew: RenewMode = .notice

    public var quantity: Int {
        get { Int(storedQuantity) }
        set { storedQuantity = Int32(clamping: newValue) }
    }
    public var termMonths: Int {
        get { Int(storedTermMonths) }
        set { storedTermMonths = Int32(clamping: newValue) }
    }

    public init(
        id: String, tenantId: String, productId: String, start: CivilDate, quantity: Int = 1, termMonths: Int = 1,
        end: CivilDate? = nil, status: SubscriptionStatus = .active, voucher: String = "",
        location: SourceLocation = .file("")
    ) {
        self.id = id
        self.tenantId = tenantId
        self.productId = productId
        self.start = start
        storedQuantity = Int32(clamping: quantity)
        storedTermMonths = Int32(clamping: termMonths)
        self.end = end
        self.status = status
        self.voucher = voucher
        self.location = location
    }
}

extension Tenant: Keyed { public var key: String { id } }
extension Product: Keyed { public var key: String { id } }
extension Subscription: Keyed { public var key: String { id } }
