import TagihCore
import TagihIO

/// `payments.xlsx`, written while payments are applied: every payment with its match and
/// effect, the unmatched ones again with the reason, and the movements of tenants' credit.
final class PaymentsWorkbook {
    static let payments = SheetLayout(name: "Payments", columns: [
        Column("Payment ID"), Column("Source"), Column("Paid at", .dateTime), Column("Status"), Column("Method"),
        Column("Currency"), Column("Amount", .money), Column("Refunded", .money), Column("Fee", .money),
        Column("Reference"), Column("Tenant ID"), Column("Purpose"), Column("Matched by"), Column("Invoice"),
        Column("To invoice", .money), Column("To credit", .money), Column("Effect"), Column("Copies", .integer),
    ])

    static let unmatched = SheetLayout(name: "Unmatched", columns: [
        Column("Payment ID"), Column("Source"), Column("Paid at", .dateTime), Column("Status"), Column("Currency"),
        Column("Amount", .money), Column("Reference"), Column("Tenant ID"), Column("Reason"),
    ])

    static let credits = SheetLayout(name: "Credits", columns: [
        Column("Date", .date), Column("Tenant ID"), Column("Invoice"), Column("Credit used", .money),
    ])

    static let expiredOrders = SheetLayout(name: "Expired orders", columns: [
        Column("Order ID"), Column("Invoice"), Column("Tenant ID"), Column("Product ID"), Column("Type"), Column("Placed at", .dateTime),
        Column("Code lapsed at", .dateTime), Column("Payment code"), Column("Total", .money), Column("Paid before it lapsed, now credit", .money),
    ])

    private let workbook: XlsxWorkbook
    private let paymentSheet: XlsxSheet
    private let unmatchedSheet: XlsxSheet
    private let zone: Zone
    private var row: [Cell] = []
    private(set) var tally = PaymentTally()

    init(path: String, created: Instant, title: String, settings: Settings) throws {
        workbook = try XlsxWorkbook(path: path, created: created, title: title, author: settings.operator.name, currencies: settings.currencies)
        paymentSheet = try workbook.addSheet(Self.payments)
        unmatchedSheet = try workbook.addSheet(Self.unmatched)
        zone = settings.zone
    }

    func localTime(_ instant: Instant) -> Cell {
        .dateTime(localSeconds: instant.seconds + Int64(zone.offset(at: instant)))
    }

    func add(_ payment: Payment, _ effect: PaymentEffect) throws {
        tally.add(payment, effect)
        let source = "\(payment.source.file):\(payment.source.line)"
        row.removeAll(keepingCapacity: true)
        row.append(.text(payment.id))
        row.append(.text(source))
        row.append(localTime(payment.paidAt))
        row.append(.text(payment.status.rawValue))
        row.append(.text(payment.method))
        row.append(.text(payment.amount.currency.description))
        row.append(.money(payment.amount))
        row.append(.money(payment.refunded))
        row.append(payment.fee.map(Cell.money) ?? .empty)
        row.append(.text(payment.reference))
        row.append(.text(effect.tenantId.isEmpty ? payment.tenantId : effect.tenantId))
        row.append(.text(payment.purpose.rawValue))
        row.append(.text(effect.route?.rawValue ?? ""))
        row.append(.text(effect.invoice))
        row.append(.money(effect.toInvoice))
        row.append(.money(effect.toCredit))
        row.append(.text(Self.describe(effect, payment)))
        row.append(.integer(payment.copies))
        try paymentSheet.append(row)

        if case .unmatched(let reason) = effect.outcome {
            try unmatchedSheet.append([
                .text(payment.id), .text(source), localTime(payment.paidAt), .text(payment.status.rawValue),
                .text(payment.amount.currency.description), .money(payment.amount), .text(payment.reference),
                .text(payment.tenantId), .text(reason),
            ])
        }
    }

    func close(creditMovements: [CreditMovement], expired: [ExpiredOrder]) throws {
        let expiredSheet = try workbook.addSheet(Self.expiredOrders)
        for item in expired {
            let order = item.order
            try expiredSheet.append([
                .text(order.orderId), .text(order.invoice), .text(order.tenantId), .text(order.productId), .text(order.type.rawValue),
                localTime(order.createdAt), localTime(order.expiresAt), .text(order.paymentCode), .money(item.total), .money(item.movedToCredit),
            ])
        }
        let sheet = try workbook.addSheet(Self.credits)
        for movement in creditMovements {
            try sheet.append([.date(movement.day), .text(movement.tenantId), .text(movement.invoice), .money(movement.amount)])
        }
        try workbook.close()
    }

    static func describe(_ effect: PaymentEffect, _ payment: Payment) -> String {
        var text: String
        switch effect.outcome {
        case .applied: text = "applied to \(effect.invoice)"
        case .credited: text = effect.invoice.isEmpty ? "all to credit: nothing open" : "all to credit: \(effect.invoice) was already paid"
        case .notSettled: text = "\(payment.status.rawValue): nothing applied"
        case .alreadyApplied: text = "applied by an earlier run"
        case .refundReversed:
            text = effect.toInvoice.isNegative ? "refund: reopened \(effect.invoice)" : "refund: taken off the tenant's credit"
        case .refundedBeforeApplied: text = "paid and refunded: no effect"
        case .unmatched(let reason): text = "unmatched: \(reason)"
        case .collection: text = "collected for tenant \(payment.tenantId)"
        }
        if effect.outcome == .applied && effect.toCredit.isPositive { text += "; the rest to credit" }
        if !effect.creditUsed.isEmpty { text += "; credit used on " + effect.creditUsed.map(\.invoice).joined(separator: ", ") }
        if !effect.note.isEmpty { text += " (\(effect.note))" }
        return text
    }
}

/// Counts and sums of what happened to the payments, per currency, for the run's summary and
/// for checking that every payment read is accounted for.
struct PaymentTally {
    struct Sums {
        var count = 0
        var amount: Int64 = 0
    }

    var byOutcome: [String: [CurrencyCode: Sums]] = [:]
    var payments = 0
    /// Money each currency's payments moved to invoices and credit, for the balance check.
    var movements: [CurrencyCode: Reconciliation.PaymentMovements] = [:]

    mutating func add(_ payment: Payment, _ effect: PaymentEffect) {
        payments += 1
        if !effect.toInvoice.isZero || !effect.toCredit.isZero {
            let currency = effect.toInvoice.currency
            var moved = movements[currency] ?? Reconciliation.PaymentMovements(currency: currency)
            moved.toInvoices += effect.toInvoice
            moved.toCredit += effect.toCredit
            movements[currency] = moved
        }
        let key: String
        var amount = payment.amount.minor
        switch effect.outcome {
        case .applied, .credited:
            key = "applied"
            amount = (effect.toInvoice + effect.toCredit).minor
        case .notSettled: key = "not settled"
        case .alreadyApplied: key = "already applied"
        case .refundReversed:
            key = "refunds"
            amount = -(effect.toInvoice + effect.toCredit).minor
        case .refundedBeforeApplied: key = "refunded before applied"
        case .unmatched: key = "unmatched"
        case .collection:
            key = "collections"
            amount = payment.netReceived.minor
        }
        var sums = byOutcome[key, default: [:]][payment.amount.currency, default: Sums()]
        sums.count += 1
        sums.amount += amount
        byOutcome[key, default: [:]][payment.amount.currency] = sums
    }
}
