import TagihCore
import TagihIO

/// `payments.xlsx`: the month's payments so far, each with its match and effect (those still
/// pending or matching nothing last, as they stand now), the unmatched ones again with the
/// reason, the movements of tenants' credit and the orders whose code lapsed.
///
/// Written as the run goes (`PaymentsWriter`): the Payments sheet takes the earlier runs'
/// rows and this run's as they are applied; `finish` adds the rest once billing is done.
final class PaymentsWorkbook {
    static let payments = SheetSpec(.payments, [
        (.paymentId, .text), (.source, .text), (.paidAt, .dateTime), (.status, .text), (.method, .text),
        (.currency, .text), (.amount, .money), (.refunded, .money), (.fee, .money),
        (.reference, .text), (.tenantId, .text), (.purpose, .text), (.matchedBy, .text), (.invoice, .text),
        (.toInvoice, .money), (.toCredit, .money), (.effect, .text), (.copies, .integer),
    ])

    static let unmatched = SheetSpec(.unmatched, [
        (.paymentId, .text), (.source, .text), (.paidAt, .dateTime), (.status, .text), (.currency, .text),
        (.amount, .money), (.reference, .text), (.tenantId, .text), (.reason, .text),
    ])

    static let credits = SheetSpec(.credits, [
        (.date, .date), (.tenantId, .text), (.invoice, .text), (.creditUsed, .money),
    ])

    static let expiredOrders = SheetSpec(.expiredOrders, [
        (.orderId, .text), (.invoice, .text), (.tenantId, .text), (.productId, .text), (.orderType, .text), (.placedAt, .dateTime),
        (.codeLapsedAt, .dateTime), (.paymentCode, .text), (.total, .money), (.paidBeforeLapse, .money),
    ])

    private let settings: Settings
    private let catalog: MessageCatalog
    private let labels: WorkbookLabels
    private let workbook: XlsxWorkbook
    private let paymentSheet: XlsxSheet
    private var row: [Cell] = []

    /// Opens the workbook with its Payments sheet.
    init(settings: Settings, period: Period, path: String, created: Instant) throws {
        self.settings = settings
        catalog = MessageCatalog(language: settings.language, currencies: settings.currencies)
        labels = WorkbookLabels(settings.language)
        workbook = try XlsxWorkbook(path: path, created: created, frame: labels.frame(.payments, period: labels.period(period), settings: settings),
                                    currencies: settings.currencies)
        paymentSheet = try workbook.addSheet(labels.layout(Self.payments))
    }

    private func local(_ instant: Instant) -> Cell {
        Cell.dateTime(localSeconds: instant.seconds + Int64(settings.zone.offset(at: instant)))
    }

    /// A payment's row of the Payments sheet, in the order applied.
    func add(_ payment: Payment, _ effect: PaymentEffect) throws {
        row.removeAll(keepingCapacity: true)
        row.append(.text(payment.id))
        row.append(.text("\(payment.source.file):\(payment.source.line)"))
        row.append(local(payment.paidAt))
        row.append(.text(labels.word(payment.status)))
        row.append(.text(labels.method(payment.method)))
        row.append(.text(payment.amount.currency.description))
        row.append(.money(payment.amount))
        row.append(.money(payment.refunded))
        row.append(payment.fee.map(Cell.money) ?? .empty)
        row.append(.text(payment.reference))
        row.append(.text(effect.tenantId.isEmpty ? payment.tenantId : effect.tenantId))
        row.append(.text(labels.word(payment.purpose)))
        row.append(.text(effect.route.map(labels.word) ?? ""))
        row.append(.text(effect.invoice))
        row.append(.money(effect.toInvoice))
        row.append(.money(effect.toCredit))
        row.append(.text(catalog.text(effect, payment)))
        row.append(.integer(payment.copies))
        try paymentSheet.append(row)
    }

    /// The payments still open (pending, or matching nothing) at the end of the Payments
    /// sheet, then the other sheets, and closes the file.
    func finish(_ month: MonthJournal, open: [OpenPayment]) throws {
        for item in open {
            switch item.status {
            case .pending: try add(item.payment, PaymentEffect(.notSettled, currency: item.payment.amount.currency))
            case .unmatched(let reason): try add(item.payment, .unmatched(reason, currency: item.payment.amount.currency))
            }
        }

        let unmatchedSheet = try workbook.addSheet(labels.layout(Self.unmatched))
        for item in open {
            guard case .unmatched(let reason) = item.status else { continue }
            let payment = item.payment
            try unmatchedSheet.append([
                .text(payment.id), .text("\(payment.source.file):\(payment.source.line)"), local(payment.paidAt), .text(labels.word(payment.status)),
                .text(payment.amount.currency.description), .money(payment.amount), .text(payment.reference),
                .text(payment.tenantId), .text(catalog.text(reason)),
            ])
        }
        let creditSheet = try workbook.addSheet(labels.layout(Self.credits))
        for movement in month.creditMovements {
            try creditSheet.append([.date(movement.day), .text(movement.tenantId), .text(movement.invoice), .money(movement.amount)])
        }
        let expiredSheet = try workbook.addSheet(labels.layout(Self.expiredOrders))
        for item in month.expiredOrders {
            let order = item.order
            try expiredSheet.append([
                .text(order.orderId), .text(order.invoice), .text(order.tenantId), .text(order.productId), .text(labels.word(order.type)),
                local(order.createdAt), local(order.expiresAt), .text(order.paymentCode), .money(item.total), .money(item.movedToCredit),
            ])
        }
        try workbook.close()
    }
}
