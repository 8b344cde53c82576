import TagihCore
import TagihIO

/// `disbursements.xlsx`: the month's payouts so far (what is paid out to tenants for the money
/// collected on their behalf) window by window, the collections themselves, appointment
/// deposits, and what is held. The transfers a run releases are in its outbox
/// (`TransfersFile`); a window paid out reads "to send": tagih releases it, a bank executes it.
enum DisbursementsWorkbook {
    static let payouts = SheetSpec(.payouts, [
        (.tenantId, .text), (.tenant, .text), (.windowStart, .date), (.windowEnd, .date),
        (.collectionCount, .integer), (.gross, .money), (.refunds, .money), (.gatewayFees, .money),
        (.commission, .money), (.net, .money), (.carriedIn, .money), (.payout, .money),
        (.bank, .text), (.account, .text), (.holder, .text), (.reference, .text), (.status, .text),
        (.reconciliation, .text),
    ])

    static let collections = SheetSpec(.collections, [
        (.paymentId, .text), (.source, .text), (.paidAt, .dateTime), (.tenantId, .text), (.purpose, .text),
        (.patientType, .text), (.method, .text), (.amount, .money), (.refunded, .money), (.gatewayFee, .money),
        (.windowStart, .date), (.windowEnd, .date), (.paidOutIn, .text), (.note, .text), (.description, .text),
    ])

    static let deposits = SheetSpec(.deposits, [
        (.tenantId, .text), (.tenant, .text), (.paymentId, .text), (.paidAt, .dateTime), (.patient, .text),
        (.patientType, .text), (.paid, .money), (.adminFee, .money), (.deposit, .money),
        (.booking, .text), (.note, .text),
    ])

    static let held = SheetSpec(.held, [
        (.tenantId, .text), (.tenant, .text), (.carriedToNextRun, .money), (.reason, .text),
    ])

    static let openWindows = SheetSpec(.openWindows, [
        (.tenantId, .text), (.windowStart, .date), (.windowEnd, .date), (.collectionCount, .integer),
        (.grossSoFar, .money), (.refunds, .money), (.gatewayFees, .money),
    ])

    static func write(_ month: MonthJournal, held carried: [PayoutBalance], open: [(PayoutWindow, WindowSums)], input: BillingInput,
                      asOf: CivilDate, workbookPath: String, created: Instant) throws {
        let settings = input.settings
        let catalog = MessageCatalog(language: settings.language, currencies: settings.currencies)
        let labels = WorkbookLabels(settings.language)
        let workbook = try XlsxWorkbook(path: workbookPath, created: created, frame: labels.frame(.disbursements, period: labels.asOf(asOf), settings: settings),
                                        currencies: settings.currencies)
        let summary = try workbook.addSheet(labels.layout(payouts))
        var paidIn: [PayoutWindow: String] = [:]
        for payout in month.payouts {
            let tenant = input.tenants[payout.window.tenantId]
            let units = settings.currency(payout.sums.gross.currency).minorUnits
            let plain = { (money: Money) in ExactDecimal(units: money.minor, scale: units).description }
            let balanced = payout.sums.gross == payout.net + payout.sums.fees + payout.commission + payout.sums.refunds
            // The amounts are in the columns beside it; the equation is spelled out only when it fails.
            let check = "\(plain(payout.sums.gross)) = \(plain(payout.net)) + \(plain(payout.sums.fees)) + \(plain(payout.commission)) + \(plain(payout.sums.refunds))"
            try summary.append([
                .text(payout.window.tenantId), .text(tenant?.name ?? ""), .date(payout.window.start), .date(payout.window.end),
                .integer(payout.sums.collections), .money(payout.sums.gross), .money(payout.sums.refunds), .money(payout.sums.fees),
                .money(payout.commission), .money(payout.net), .money(payout.carriedIn), .money(payout.amount),
                .text(tenant?.bank?.code ?? ""), .text(tenant?.bank?.account ?? ""), .text(tenant?.bank?.holder ?? ""),
                .text(payout.isPaid ? payout.reference : ""), .text(payout.hold.map { labels.held(catalog.text($0)) } ?? labels.toSend),
                .text(balanced ? labels.reconciles : labels.doesNotReconcile(check)),
            ])
            paidIn[payout.window] = payout.isPaid ? payout.reference : labels.heldWord
        }

        let zone = settings.zone
        let local = { (instant: Instant) in Cell.dateTime(localSeconds: instant.seconds + Int64(zone.offset(at: instant))) }
        let collectionSheet = try workbook.addSheet(labels.layout(collections))
        let depositSheet = try workbook.addSheet(labels.layout(deposits))
        try month.forEachCollection { item in
            let payment = item.payment
            let notes = catalog.text(item.notes)
            try collectionSheet.append([
                .text(payment.id), .text("\(payment.source.file):\(payment.source.line)"), local(payment.paidAt), .text(payment.tenantId),
                .text(labels.word(payment.purpose)), .text(payment.patientType.map(labels.word) ?? ""), .text(labels.method(payment.method)), .money(payment.amount),
                .money(item.laterRefund ?? payment.refunded), .money(item.fee), .date(item.window.start), .date(item.window.end),
                .text(paidIn[item.window] ?? labels.openUntil(item.window.end)), .text(notes), .text(payment.description),
            ])
            if payment.purpose == .appointment && item.laterRefund == nil {
                try depositSheet.append([
                    .text(payment.tenantId), .text(input.tenants.read(payment.tenantId) { $0.name } ?? ""), .text(payment.id), local(payment.paidAt),
                    .text(payment.email), .text(payment.patientType.map(labels.word) ?? ""), .money(payment.amount),
                    item.adminFee.map(Cell.money) ?? .empty, item.deposit.map(Cell.money) ?? .empty, .text(payment.description), .text(notes),
                ])
            }
        }
        let heldSheet = try workbook.addSheet(labels.layout(held))
        for balance in carried {
            try heldSheet.append([.text(balance.tenantId), .text(input.tenants.read(balance.tenantId) { $0.name } ?? ""), .money(balance.amount),
                                  .text(balance.reason.map(catalog.text) ?? "")])
        }
        let openSheet = try workbook.addSheet(labels.layout(openWindows))
        for (window, sums) in open {
            try openSheet.append([.text(window.tenantId), .date(window.start), .date(window.end), .integer(sums.collections),
                                  .money(sums.gross), .money(sums.refunds), .money(sums.fees)])
        }
        try workbook.close()
    }
}
