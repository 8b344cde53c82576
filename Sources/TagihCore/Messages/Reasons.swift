/// Why a payment is not applied (yet): it stays open and is tried again by the next run.
public enum UnmatchedReason: Sendable, Equatable {
    /// Its reference names an invoice in another currency.
    case currencyMismatch(invoice: String, invoiceCurrency: CurrencyCode, paymentCurrency: CurrencyCode)
    /// It names a tenant tagih does not know (and its reference, if any, matches nothing).
    case unknownTenant(tenant: String, reference: String)
    /// Its reference matches no invoice and it names no tenant.
    case referenceMatchesNothing(reference: String)
    case noReferenceNoTenant
}

/// Why a voucher was not applied to an invoice.
public enum VoucherRefusal: Sendable, Equatable {
    case unknownCode
    case notYetValid(from: CivilDate)
    case expired(on: CivilDate)
    case notForProduct(product: String, only: [String])
    case usedUp(limit: Int)
    case currencyMismatch(voucher: CurrencyCode, invoice: CurrencyCode)
}

/// Why a payout window's money was not sent but carried to the next run.
public enum HoldReason: Sendable, Equatable {
    case tenantOnHold
    case noBankAccount
    /// The balance (net plus what was carried in) is zero or negative.
    case nothingToPay(balance: Money)
    case underMinimum(minimum: ExactDecimal, currency: CurrencyCode)
    /// A refund found after the window it belonged to was paid out.
    case refundAfterPayout(payment: String)
}

/// Something worth a second look about one collection; it is paid out all the same.
public enum CollectionNote: Sendable, Equatable {
    case noMethod
    case noFeeRule(method: String)
    case noAppointmentFee(tenant: String)
    case noPatientType
    case unexpectedAmount(paid: Money, expected: Money, appointmentFee: Money, patientType: PatientType, adminFee: Money)
    case refunded(Money)
    case refundedAfterPayout
}

/// Why a tenant's `service_id` cannot go into a RouterOS script: the tenant is left out of
/// it, with a warning, and handled on the router by hand.
public enum RouterRefusal: Error, Sendable, Equatable {
    case missing
    /// A character no address or PPPoE user name holds, and which RouterOS may read as
    /// syntax (`;`, `"`, `$`, `[`, a space).
    case interpreted(String)
    /// Digits and dots, but no IPv4 address, subnet or range (`10.0.0.256`).
    case notAnAddress
}

/// A record first seen after the span it is dated in was run: handled now and listed.
public struct LateRecord: Sendable, Equatable {
    public var kind: RecordKind
    public var id: String
    /// The record's own date.
    public var dated: CivilDate
    /// What the run did with it: the invoice it issued or the invoice a payment went to.
    public var handledAs: String

    public init(kind: RecordKind, id: String, dated: CivilDate, handledAs: String) {
        self.kind = kind
        self.id = id
        self.dated = dated
        self.handledAs = handledAs
    }
}

/// Something a run noticed about its input that did not stop it; listed in errors.csv and on
/// stderr as a warning.
public enum RunWarning: Sendable, Equatable {
    /// A record an earlier run handled came again with other content; the new content is ignored.
    case contentChanged(kind: RecordKind, id: String, handledOn: CivilDate)
    /// A record dated in an earlier span, seen for the first time; handled now.
    indirect case late(LateRecord)
    /// Records dated before what state remembers were not looked at.
    case beforeMemory(kind: RecordKind, count: Int, horizon: CivilDate)
    /// An id that differs from one handled before only in letter case: not applied a second time.
    case nearDuplicate(kind: RecordKind, id: String, handled: String)
    /// An order that could not be invoiced when its day came: the subscription it names was
    /// undone meanwhile (an earlier order for it lapsed unpaid).
    case orderNotInvoiced(order: String, subscription: String)
    /// A phone number that cannot be read without guessing.
    case unreadablePhone(tenant: String, useFor: String)
    /// A transfer a bank or payout-service upload file cannot carry: left out of that file
    /// (it stays in payouts.csv, to be paid by hand).
    indirect case payoutLeftOut(PayoutIssue)
    /// A tenant's taxable invoices that get no e-Faktur record: the accountant makes them by
    /// hand. The message names the first three (`named`, joined) and counts the rest: a month
    /// of tenants without a tax id is a hundred thousand of these, held to the run's end.
    case taxInvoicesSkipped(tenant: String, named: String, count: Int, reason: TaxInvoices.SkipReason)
    /// A tenant left out of a router script (`isolate.rsc`, `reconnect.rsc`).
    case routerLeftOut(tenant: String, file: String, RouterRefusal)
}

/// Why an adjustment cannot be applied to the invoice it names, found when its day comes:
/// input errors with the adjustment's position, like any other bad row.
public enum AdjustmentRefusal: Error, Sendable, Equatable {
    /// No open or recently settled invoice of that number: unknown, expired, voided, or settled
    /// before what state remembers.
    case unknownInvoice(String)
    /// A void of an invoice with money on it (payments, credit or credit notes).
    case voidOfPaidInvoice(invoice: String, paid: Money)
    /// An order's invoice still awaiting payment lapses on its own.
    case voidOfPendingOrder(invoice: String)
    /// A credit note above what is left of the invoice after earlier credit notes.
    case creditNoteAboveRemaining(invoice: String, remaining: Money)
    case otherCurrency(invoice: String, invoiceCurrency: CurrencyCode, given: CurrencyCode)
    case otherTenant(invoice: String, invoiceTenant: String, given: String)
    /// Dated before the invoice was issued.
    case beforeInvoice(invoice: String, issued: CivilDate)
}

/// An adjustment refused when its day came, where it was read.
public struct RefusedAdjustment: Sendable, Equatable {
    public var adjustmentId: String
    public var location: SourceLocation
    public var value: String
    public var refusal: AdjustmentRefusal

    public init(adjustmentId: String, location: SourceLocation, value: String, refusal: AdjustmentRefusal) {
        self.adjustmentId = adjustmentId
        self.location = location
        self.value = value
        self.refusal = refusal
    }
}
