/// The state's records' columns, in the order `StateFile` writes them (required first), each
/// its case's name in snake case: a decoder reads a column at its case's slot.
/// `StateColumnsTests` pins every name, which states written before must keep.
extension StateFile {
    enum ReceivableColumn: Int, TableColumns {
        case number
        case sequence
        case tenantId
        case source
        case sourceId
        case issued
        case due
        case currency
        case total
        case outstanding
        case lastPaid
        case expires
        case created
        case tax
        case creditNotes
        case credited
        case vouchers

        static let table = "receivables"
        static let required: Set<Self> = [.number, .sequence, .tenantId, .source, .sourceId, .issued, .due, .currency, .total, .outstanding]
    }

    enum PrepaidColumn: Int, TableColumns {
        case id
        case tenantId
        case productId
        case seats
        case termStart
        case termEnd
        case termMonths

        static let table = "prepaid"
        static let required: Set<Self> = [.id, .tenantId, .productId, .seats, .termStart, .termEnd, .termMonths]
    }

    enum PendingOrderColumn: Int, TableColumns {
        case orderId
        case invoice
        case tenantId
        case productId
        case type
        case subscriptionId
        case created
        case expires
        case paymentCode
        case seats
        case months
        case email
        case voucher
        case previousTermStart
        case previousTermEnd
        case previousTermMonths
        case onContract
        case contractEnd
        case contractPrepaidUntil

        static let table = "pending_orders"
        static let required: Set<Self> = [.orderId, .invoice, .tenantId, .productId, .type, .subscriptionId, .created, .expires, .paymentCode, .seats, .months]
    }

    enum ContractColumn: Int, TableColumns {
        case subscriptionId
        case productId
        case quantity
        case anchor
        case end
        case cancelledAfter
        case prepaidUntil
        case renewedFor
        case lapsed
        case lastInvoice
        case lastTermStart
        case lastTermEnd
        case bridgeFrom
        case bridgeTo
        case bridgeIssue

        static let table = "contracts"
        static let required: Set<Self> = [.subscriptionId]
    }

    enum RedemptionColumn: Int, TableColumns {
        case code
        case count

        static let table = "voucher_redemptions"
        static let required: Set<Self> = [.code, .count]
    }

    enum WindowColumn: Int, TableColumns {
        case tenantId
        case start
        case end
        case currency
        case gross
        case refunds
        case fees
        case collections

        static let table = "payout_windows"
        static let required: Set<Self> = [.tenantId, .start, .end, .currency, .gross, .refunds, .fees, .collections]
    }

    enum BalanceColumn: Int, TableColumns {
        case tenantId
        case currency
        case amount
        case hold
        case holdAmount
        case holdPayment

        static let table = "payout_balances"
        static let required: Set<Self> = [.tenantId, .currency, .amount]
    }

    enum CreditColumn: Int, TableColumns {
        case tenantId
        case currency
        case amount

        static let table = "credits"
        static let required: Set<Self> = [.tenantId, .currency, .amount]
    }

    enum HandledColumn: Int, TableColumns {
        case kind
        case id
        case date
        case digest

        static let table = "handled"
        static let required: Set<Self> = [.kind, .id, .date, .digest]
    }

    enum DunningColumn: Int, TableColumns {
        case tenantId
        case step

        static let table = "dunning"
        static let required: Set<Self> = [.tenantId, .step]
    }

    enum RememberedPaymentColumn: Int, TableColumns {
        case id
        case at
        case currency
        case received
        case tenantId
        case refunded
        case toInvoice
        case toCredit
        case invoice
        case kind
        case digest

        static let table = "payments"
        static let required: Set<Self> = [.id, .at, .currency, .received]
    }

    enum OpenPaymentColumn: Int, TableColumns {
        case id
        case at
        case status
        case currency
        case amount
        case file
        case line
        case refunded
        case fee
        case reference
        case tenantId
        case method
        case purpose
        case patientType
        case description
        case email
        case copies
        case reason
        case reasonInvoice
        case reasonCurrency
        case reasonTenant
        case reasonReference

        static let table = "open_payments"
        static let required: Set<Self> = [.id, .at, .status, .currency, .amount, .file, .line]
    }

    enum OperatorColumn: Int, TableColumns {
        case name
        case currency
        case taxId

        static let table = "operator"
        static let required: Set<Self> = [.name, .currency]
    }
}
