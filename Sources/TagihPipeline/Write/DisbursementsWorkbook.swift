import TagihCore
import TagihIO

/// `disbursements.xlsx`: the month's payouts so far (what is paid out to tenants for the money
/// collected on their behalf), the collections themselves, appointment deposits, and what is
/// held; and `payouts.csv`, the transfers one run releases, for its outbox.
enum DisbursementsWorkbook {
    static let payouts = SheetLayout(name: "Payouts", columns: [
        Column("Tenant ID"), Column("Tenant"), Column("Window start", .date), Column("Window end", .date),
        Column("Collections", .integer), Column("Gross", .money), Column("Refunds", .money), Column("Gateway fees", .money),
        Column("Commission", .money), Column("Net", .money), Column("Carried in", .money), Column("Payout", .money),
        Column("Bank"), Column("Account"), Column("Holder"), Column("Reference"), Column("Status"),
        Column("Gross = net + fees + commission + refunds"),
    ])

    static let collections = SheetLayout(name: "Collections", columns: [
        Column("Payment ID"), Column("Source"), Column("Paid at", .dateTime), Column("Tenant ID"), Column("Purpose"),
        Column("Patient type"), Column("Method"), Column("Amount", .money), Column("Refunded", .money), Column("Gateway fee", .money),
        Column("Window start", .date), Column("Window end", .date), Column("Paid out in"), Column("Note"), Column("Description"),
    ])

    static let deposits = SheetLayout(name: "Deposits", columns: [
        Column("Tenant ID"), Column("Tenant"), Column("Payment ID"), Column("Paid at", .dateTime), Column("Patient"),
        Column("Patient type"), Column("Paid", .money), Column("Admin fee", .money), Column("Deposit towards the bill", .money),
        Column("Booking"), Column("Note"),
    ])

    static let held = SheetLayout(name: "Held", columns: [
        Column("Tenant ID"), Column("Tenant"), Column("Carried to the next run", .money), Column("Reason"),
    ])

    static let openWindows = SheetLayout(name: "Open windows", columns: [
        Column("Tenant ID"), Column("Window start", .date), Column("Window end", .date), Column("Collections", .integer),
        Column("Gross so far", .money), Column("Refunds", .money), Column("Gateway fees", .money),
    ])

    /// Bulk-transfer rows: what a bank's upload or a payout API needs.
    static let csvHeader = ["bank_code", "account_number", "account_holder", "amount", "currency", "reference", "email", "tenant_id"]

    static func write(_ month: MonthJournal, held carried: [PayoutBalance], open: [(PayoutWindow, WindowSums)], input: BillingInput,
                      asOf: CivilDate, workbookPath: String, created: Instant) throws {
        let settings = input.settings
        let catalog = MessageCatalog(currencies: settings.currencies)
        let workbook = try XlsxWorkbook(path: workbookPath, created: created, title: "Disbursements as of \(asOf)",
                                        author: settings.operator.name, currencies: settings.currencies)
        let summary = try workbook.addSheet(payouts)
        var paidIn: [PayoutWindow: String] = [:]
        for payout in month.payouts {
            let tenant = input.tenants[payout.window.tenantId]
            let units = settings.currency(payout.sums.gross.currency).minorUnits
            let plain = { (money: Money) in ExactDecimal(units: money.minor, scale: units).description }
            let balanced = payout.sums.gross == payout.net + payout.sums.fees + payout.commission + payout.sums.refunds
            let check = "\(plain(payout.sums.gross)) = \(plain(payout.net)) + \(plain(payout.sums.fees)) + \(plain(payout.commission)) + \(plain(payout.sums.refunds))"
            try summary.append([
                .text(payout.window.tenantId), .text(tenant?.name ?? ""), .date(payout.window.start), .date(payout.window.end),
                .integer(payout.sums.collections), .money(payout.sums.gross), .money(payout.sums.refunds), .money(payout.sums.fees),
                .money(payout.commission), .money(payout.net), .money(payout.carriedIn), .money(payout.amount),
                .text(tenant?.bank?.code ?? ""), .text(tenant?.bank?.account ?? ""), .text(tenant?.bank?.holder ?? ""),
                .text(payout.isPaid ? payout.reference : ""), .text(payout.hold.map { "held: " + catalog.text($0) } ?? "paid"),
                .text(balanced ? check : "DOES NOT RECONCILE: " + check),
            ])
            paidIn[payout.window] = payout.isPaid ? payout.reference : "held"
        }

        let zone = settings.zone
        let local = { (instant: Instant) in Cell.dateTime(localSeconds: instant.seconds + Int64(zone.offset(at: instant))) }
        let collectionSheet = try workbook.addSheet(collections)
        let depositSheet = try workbook.addSheet(deposits)
        try month.forEachCollection { item in
            let payment = item.payment
            let notes = catalog.text(item.notes)
            try collectionSheet.append([
                .text(payment.id), .text("\(payment.source.file):\(payment.source.line)"), local(payment.paidAt), .text(payment.tenantId),
                .text(payment.purpose.rawValue), .text(payment.patientType?.rawValue ?? ""), .text(payment.method), .money(payment.amount),
                .money(item.laterRefund ?? payment.refunded), .money(item.fee), .date(item.window.start), .date(item.window.end),
                .text(paidIn[item.window] ?? "open until \(item.window.end)"), .text(notes), .text(payment.description),
            ])
            if payment.purpose == .appointment && item.laterRefund == nil {
                try depositSheet.append([
                    .text(payment.tenantId), .text(input.tenants[payment.tenantId]?.name ?? ""), .text(payment.id), local(payment.paidAt),
                    .text(payment.email), .text(payment.patientType?.rawValue ?? ""), .money(payment.amount),
                    item.adminFee.map(Cell.money) ?? .empty, item.deposit.map(Cell.money) ?? .empty, .text(payment.description), .text(notes),
                ])
            }
        }
        let heldSheet = try workbook.addSheet(held)
        for balance in carried {
            try heldSheet.append([.text(balance.tenantId), .text(input.tenants[balance.tenantId]?.name ?? ""), .money(balance.amount),
                                  .text(balance.reason.map(catalog.text) ?? "")])
        }
        let openSheet = try workbook.addSheet(openWindows)
        for (window, sums) in open {
            try openSheet.append([.text(window.tenantId), .date(window.start), .date(window.end), .integer(sums.collections),
                                  .money(sums.gross), .money(sums.refunds), .money(sums.fees)])
        }
        try workbook.close()
    }

    /// The transfers a run releases, as a bulk-transfer upload takes them.
    static func writePayouts(_ payouts: [WindowPayout], input: BillingInput, to path: String) throws {
        let csv = try CSVWriter(path: path, header: csvHeader, currencies: input.settings.currencies)
        for payout in payouts where payout.isPaid {
            guard let tenant = input.tenants[payout.window.tenantId], let bank = tenant.bank else { continue }
            try csv.append([
                .text(bank.code), .text(bank.account), .text(bank.holder), .money(payout.amount),
                .text(payout.amount.currency.description), .text(payout.reference), .text(tenant.email), .text(payout.window.tenantId),
            ])
        }
        try csv.close()
    }
}
