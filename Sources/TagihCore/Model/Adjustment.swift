/// Rule 14's corrections, one row of the `adjustments` table each.
public enum AdjustmentKind: String, Sendable, CaseIterable {
    /// An invoice with nothing paid on it is cancelled: it keeps its number, leaves the
    /// receivables and releases its voucher.
    case void
    /// Part or all of an invoice is taken back, tax included, in the credit notes' own series.
    case creditNote = "credit_note"
    /// A one-off line for a tenant (an installation fee, a late fee), invoiced on its date.
    case charge
}

/// A correction from the `adjustments` table: applied once across runs, on its date.
public struct Adjustment: Sendable {
    public var id: String
    public var kind: AdjustmentKind
    public var date: CivilDate
    /// The invoice a void or credit note is against.
    public var invoice: String
    /// The tenant a charge is for (for a void or credit note, when given, it must be the invoice's).
    public var tenantId: String
    /// A credit note's amount (tax included) or a charge's net amount; nil for a void, or for a
    /// charge priced by its product.
    public var amount: Money?
    public var productId: String
    public var quantity: Int
    public var description: String
    /// Whether a charge is taxed; nil: as its product says, else taxed.
    public var taxable: Bool?
    public var reason: String
    public var location: SourceLocation
    /// Where `invoice` was read, for problems with the invoice it names.
    public var invoiceLocation: SourceLocation?
    /// Where `amount` was read.
    public var amountLocation: SourceLocation?
    /// Made by a change (a downgrade's proration, a cancellation's unused days), not read from
    /// the adjustments table: the change is what state remembers.
    public var fromChange = false

    public init(
        id: String, kind: AdjustmentKind, date: CivilDate, invoice: String = "", tenantId: String = "", amount: Money? = nil,
        productId: String = "", quantity: Int = 1, description: String = "", taxable: Bool? = nil, reason: String = "",
        location: SourceLocation = .file(""), invoiceLocation: SourceLocation? = nil, amountLocation: SourceLocation? = nil
    ) {
        self.id = id
        self.kind = kind
        self.date = date
        self.invoice = invoice
        self.tenantId = tenantId
        self.amount = amount
        self.productId = productId
        self.quantity = quantity
        self.description = description
        self.taxable = taxable
        self.reason = reason
        self.location = location
        self.invoiceLocation = invoiceLocation
        self.amountLocation = amountLocation
    }

    /// The content that matters, so a repeat with other content is noticed.
    public var digest: Digest {
        var builder = DigestBuilder()
        builder.add(id)
        builder.add(kind.rawValue)
        builder.add(date)
        builder.add(invoice)
        builder.add(tenantId)
        builder.add(amount)
        builder.add(productId)
        builder.add(quantity)
        builder.add(description)
        builder.add(taxable.map { $0 ? "1" : "0" } ?? "-")
        builder.add(reason)
        return builder.digest
    }
}

/// A credit note issued against an invoice: its own number in its own gapless series.
public struct CreditNote: Sendable, Equatable {
    public var number: String
    public var sequence: Int
    public var adjustmentId: String
    public var tenantId: String
    /// The invoice it credits.
    public var invoice: String
    public var issueDate: CivilDate
    /// Tax included.
    public var amount: Money
    /// `round(amount x invoice tax / invoice total)`.
    public var tax: Money
    public var reason: String
    /// Taken off the invoice's outstanding.
    public var toInvoice: Money
    /// What exceeded the outstanding: the tenant's credit.
    public var toCredit: Money

    public init(number: String, sequence: Int, adjustmentId: String, tenantId: String, invoice: String, issueDate: CivilDate,
                amount: Money, tax: Money, reason: String, toInvoice: Money, toCredit: Money) {
        self.number = number
        self.sequence = sequence
        self.adjustmentId = adjustmentId
        self.tenantId = tenantId
        self.invoice = invoice
        self.issueDate = issueDate
        self.amount = amount
        self.tax = tax
        self.reason = reason
        self.toInvoice = toInvoice
        self.toCredit = toCredit
    }

    /// The amount before tax.
    public var net: Money { amount - tax }
}

/// An invoice voided by an adjustment.
public struct VoidRecord: Sendable, Equatable {
    public var adjustmentId: String
    public var invoice: String
    public var tenantId: String
    public var date: CivilDate
    /// The invoice's total, no longer owed.
    public var total: Money
    public var reason: String
    /// The voucher whose redemption it gave back, if any.
    public var voucher: String

    public init(adjustmentId: String, invoice: String, tenantId: String, date: CivilDate, total: Money, reason: String, voucher: String) {
        self.adjustmentId = adjustmentId
        self.invoice = invoice
        self.tenantId = tenantId
        self.date = date
        self.total = total
        self.reason = reason
        self.voucher = voucher
    }
}

extension Adjustment: Keyed { public var key: String { id } }
