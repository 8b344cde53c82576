import TagihCore
import TagihIO

/// `payments.xlsx`: the month's payments so far, each with its match and effect (those still
/// pending or matching nothing last, as they stand now), the unmatched ones again with the
/// reason, the movements of tenants' credit and the orders whose code lapsed.
enum PaymentsWorkbook {
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

    static func write(_ month: MonthJournal, open: [OpenPayment], settings: Settings, period: Period, to path: String, created: Instant) throws {
        let catalog = MessageCatalog(currencies: settings.currencies)
        let zone = settings.zone
        let local = { (instant: Instant) in Cell.dateTime(localSeconds: instant.seconds + Int64(zone.offset(at: instant))) }
        let workbook = try XlsxWorkbook(path: path, created: created, title: "Payments \(period)", author: settings.operator.name,
                                        currencies: settings.currencies)
        let paymentSheet = try workbook.addSheet(payments)
        var row: [Cell] = []
        func add(_ payment: Payment, _ effect: PaymentEffect) throws {
            row.removeAll(keepingCapacity: true)
            row.append(.text(payment.id))
            row.append(.text("\(payment.source.file):\(payment.source.line)"))
            row.append(local(payment.paidAt))
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
            row.append(.text(catalog.text(effect, payment)))
            row.append(.integer(payment.copies))
            try paymentSheet.append(row)
        }
        try month.forEachPayment(add)
        for item in open {
            switch item.status {
            case .pending: try add(item.payment, PaymentEffect(.notSettled, currency: item.payment.amount.currency))
            case .unmatched(let reason): try add(item.payment, .unmatched(reason, currency: item.payment.amount.currency))
            }
        }

        let unmatchedSheet = try workbook.addSheet(unmatched)
        for item in open {
            guard case .unmatched(let reason) = item.status else { continue }
            let payment = item.payment
            try unmatchedSheet.append([
                .text(payment.id), .text("\(payment.source.file):\(payment.source.line)"), local(payment.paidAt), .text(payment.status.rawValue),
                .text(payment.amount.currency.description), .money(payment.amount), .text(payment.reference),
                .text(payment.tenantId), .text(catalog.text(reason)),
            ])
        }
        let creditSheet = try workbook.addSheet(credits)
        for movement in month.creditMovements {
            try creditSheet.append([.date(movement.day), .text(movement.tenantId), .text(movement.invoice), .money(movement.amount)])
        }
        let expiredSheet = try workbook.addSheet(expiredOrders)
        for item in month.expiredOrders {
            let order = item.order
            try expiredSheet.append([
                .text(order.orderId), .text(order.invoice), .text(order.tenantId), .text(order.productId), .text(order.type.rawValue),
                local(order.createdAt), local(order.expiresAt), .text(order.paymentCode), .money(item.total), .money(item.movedToCredit),
            ])
        }
        try workbook.close()
    }
}
