/// What became of a run's payments, counted and summed per outcome and currency as they are
/// applied: the summary prints it and the checks read it (never a writer's tally).
public struct PaymentTotals: Sendable {
    public enum Kind: String, Sendable, CaseIterable, Comparable {
        case applied = "applied"
        case refunds = "refunds"
        case collections = "collections"
        case alreadyApplied = "already applied"
        case notSettled = "not settled"
        case refundedBeforeApplied = "refunded before applied"
        case unmatched = "unmatched"

        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    public struct Sums: Sendable, Equatable {
        public var count = 0
        public var amount: Int64 = 0
    }

    public private(set) var byKind: [Kind: [CurrencyCode: Sums]] = [:]
    /// Distinct payments the run applied or looked at.
    public private(set) var payments = 0
    /// Money each currency's payments moved to invoices and to credit.
    public private(set) var movements: [CurrencyCode: Reconciliation.PaymentMovements] = [:]

    public init() {}

    public mutating func add(_ payment: Payment, _ effect: PaymentEffect) {
        payments += 1
        if !effect.toInvoice.isZero || !effect.toCredit.isZero {
            let currency = effect.toInvoice.currency
            var moved = movements[currency] ?? Reconciliation.PaymentMovements(currency: currency)
            moved.toInvoices += effect.toInvoice
            moved.toCredit += effect.toCredit
            movements[currency] = moved
        }
        let kind: Kind
        var amount = payment.amount.minor
        switch effect.outcome {
        case .applied, .credited:
            kind = .applied
            amount = (effect.toInvoice + effect.toCredit).minor
        case .notSettled: kind = .notSettled
        case .alreadyApplied: kind = .alreadyApplied
        case .refundReversed:
            kind = .refunds
            amount = -(effect.toInvoice + effect.toCredit).minor
        case .refundedBeforeApplied: kind = .refundedBeforeApplied
        case .unmatched: kind = .unmatched
        case .collection:
            kind = .collections
            amount = payment.netReceived.minor
        }
        var sums = byKind[kind, default: [:]][payment.amount.currency, default: Sums()]
        sums.count += 1
        sums.amount += amount
        byKind[kind, default: [:]][payment.amount.currency] = sums
    }
}
