/// The language of invoices, mails and messages: Indonesian by default, or English.
public enum Language: String, Sendable, CaseIterable {
    case id
    case en
}

public struct Operator: Sendable {
    public var name: String
    public var email: String
    public var address: String
    public var taxId: String
    /// The place of business tax invoices are issued from (`operator.idtku`); nil: the head office.
    public var idtku: NITKU?

    public init(name: String, email: String, address: String = "", taxId: String = "", idtku: NITKU? = nil) {
        self.name = name
        self.email = email
        self.address = address
        self.taxId = taxId
        self.idtku = idtku
    }
}

public enum TaxMode: String, Sendable, CaseIterable {
    /// Prices exclude tax; tax is added on top.
    case exclusive
    /// Prices include tax; the tax is the part of the total it accounts for.
    case inclusive
}

public struct TaxSettings: Sendable {
    public var rate: Rate
    public var mode: TaxMode
    /// The share of the price taxed (Indonesia's DPP nilai lain: 11/12); 1 when not set.
    public var base: Fraction

    public init(rate: Rate, mode: TaxMode = .exclusive, base: Fraction = Fraction(1)) {
        self.rate = rate
        self.mode = mode
        self.base = base
    }

    /// The rate actually applied to the taxable amount (12% of 11/12 is 11%).
    public var effectiveRate: Fraction { rate.fraction * base }

    public static let none = TaxSettings(rate: .zero)
}

/// One rung of the dunning ladder: from `days` overdue on, the tenant gets `action`.
public struct DunningStep: Sendable, Hashable {
    public var days: Int
    public var action: String

    public init(days: Int, action: String) {
        self.days = days
        self.action = action
    }
}

/// A gateway's fee for a payment method: a percent, a fixed amount, or both.
public struct FeeRule: Sendable, Hashable {
    public var percent: Rate?
    public var fixed: ExactDecimal?

    public init(percent: Rate? = nil, fixed: ExactDecimal? = nil) {
        self.percent = percent
        self.fixed = fixed
    }
}

/// `settings.yaml`: who the operator is and how it bills.
/// Rule 12: what a cancellation gives back.
public enum CancelCredit: String, Sendable, CaseIterable {
    case none
    case prorated
}

/// Rule 13: whether a tenant's invoices of one day are one.
public enum ConsolidationMode: String, Sendable, CaseIterable {
    case none
    case tenant
}

public struct Settings: Sendable {
    public var `operator`: Operator
    public var currency: CurrencyCode
    public var zone: Zone
    public var language: Language
    public var tax: TaxSettings
    public var invoiceNumber: NumberPattern
    public var dunning: [DunningStep]
    public var fees: [String: FeeRule]
    public var platformCommission: Rate
    public var minPayout: ExactDecimal
    /// Which bulk-upload files go beside `payouts.csv`, and the operator's debit account.
    public var payouts: PayoutSettings = .none
    /// Seconds a payment code stays valid after an order is placed.
    public var paymentCodeTTL: Int64
    public var currencies: Currencies
    public var numberStyle: NumberStyle
    /// How many days of applied payments state remembers, so overlapping exports never
    /// apply one twice.
    public var paymentMemoryDays: Int
    /// The credit notes' own series (`CN/{YYYY}/{MM}/{SEQ:5}`).
    public var creditNoteNumber: NumberPattern = .creditNotes
    /// `tenant`: a tenant's terms and charges issued on one day with one due date and currency
    /// are one invoice (rule 13).
    public var consolidate: ConsolidationMode = .none
    /// How customers pay, shown on every invoice that asks for money.
    public var paymentInstructions = PaymentInstructions()
    /// Whether invoices, receipts and credit notes carry a PDF (`pdf: false` leaves them out).
    public var pdf = true
    /// MikroTik scripts beside the overdue list (`router: {address_list: isolir}`); nil writes none.
    public var router: RouterSettings?
    /// How long before a contract's end its renewal notice or invoice goes out, in days.
    public var renewalNoticeDays = 30
    /// `prorated`: a cancellation credits the unused days of the current term (rule 12).
    public var cancelCredit: CancelCredit = .none

    public init(
        operator: Operator, currency: CurrencyCode, zone: Zone, language: Language = .id,
        tax: TaxSettings = .none, invoiceNumber: NumberPattern = .default, dunning: [DunningStep] = [],
        fees: [String: FeeRule] = [:], platformCommission: Rate = .zero, minPayout: ExactDecimal = .zero,
        paymentCodeTTL: Int64 = 3600, currencies: Currencies = Currencies(), numberStyle: NumberStyle = .dot,
        paymentMemoryDays: Int = 62
    ) {
        self.operator = `operator`
        self.currency = currency
        self.zone = zone
        self.language = language
        self.tax = tax
        self.invoiceNumber = invoiceNumber
        self.dunning = dunning.sorted { $0.days < $1.days }
        self.fees = fees
        self.platformCommission = platformCommission
        self.minPayout = minPayout
        self.paymentCodeTTL = paymentCodeTTL
        self.currencies = currencies
        self.numberStyle = numberStyle
        self.paymentMemoryDays = paymentMemoryDays
    }

    /// The billing currency's description; `currency` is validated against the table on load.
    public func currency(_ code: CurrencyCode) -> Currency {
        guard let currency = currencies(code) else { preconditionFailure("unvalidated currency \(code)") }
        return currency
    }
}
