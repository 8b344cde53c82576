import TagihCore
import TagihIO

/// `invoices.xlsx`: the month's invoices so far, their lines, the vouchers asked for, credit
/// notes and voids, and every invoice still open of any month (receivables).
enum InvoicesWorkbook {
    static let invoices = SheetLayout(name: "Invoices", columns: [
        Column("Number"), Column("Tenant ID"), Column("Tenant name"), Column("Source ID"),
        Column("Issue date", .date), Column("Due date", .date), Column("Currency"),
        Column("Subtotal", .money), Column("Discount", .money), Column("Tax", .money), Column("Total", .money),
        Column("Paid", .money), Column("Credited", .money), Column("Outstanding", .money), Column("Status"),
    ])

    static let lines = SheetLayout(name: "Lines", columns: [
        Column("Invoice number"), Column("Line", .integer), Column("Tenant ID"), Column("Product ID"),
        Column("Description"), Column("Period start", .date), Column("Period end", .date),
        Column("Quantity", .integer), Column("Unit price", .decimal), Column("Months", .integer),
        Column("Net", .money), Column("Taxable"), Column("Source"), Column("Source ID"), Column("Discount", .money), Column("Tax", .money),
    ])

    static let vouchers = SheetLayout(name: "Vouchers", columns: [
        Column("Invoice number"), Column("Tenant ID"), Column("Code"), Column("Applied"), Column("Discount", .money), Column("Reason"),
    ])

    static let creditNotes = SheetLayout(name: "Credit notes", columns: [
        Column("Number"), Column("Date", .date), Column("Tenant ID"), Column("Tenant name"), Column("Invoice"), Column("Currency"),
        Column("Net", .money), Column("Tax", .money), Column("Amount", .money), Column("Off the invoice", .money),
        Column("To credit", .money), Column("Reason"), Column("Adjustment ID"),
    ])

    static let voids = SheetLayout(name: "Voids", columns: [
        Column("Invoice"), Column("Date", .date), Column("Tenant ID"), Column("Tenant name"), Column("Currency"), Column("Total", .money),
        Column("Voucher given back"), Column("Reason"), Column("Adjustment ID"),
    ])

    static let receivables = SheetLayout(name: "Receivables", columns: [
        Column("Number"), Column("Tenant ID"), Column("Tenant name"), Column("Source ID"), Column("Issue date", .date),
        Column("Due date", .date), Column("Currency"), Column("Total", .money), Column("Paid", .money), Column("Credited", .money),
        Column("Outstanding", .money), Column("Days past due", .integer), Column("Status"),
    ])

    static let renewals = SheetLayout(name: "Renewals", columns: [
        Column("Subscription ID"), Column("Tenant ID"), Column("Tenant name"), Column("Product"), Column("End", .date),
        Column("Days to end", .integer), Column("Renew"), Column("Status"), Column("Renewal invoice"),
    ])

    /// Rule 11's list: every contract within its notice period or lapsed, as of the as-of,
    /// with what the month did about it (notice sent, invoice issued, renewed).
    static func renewalRows(_ month: MonthJournal, state: BillingState, input: BillingInput, asOf: CivilDate) -> [[Cell]] {
        var latest: [String: RenewalRecord] = [:]
        for record in month.renewals { latest[record.subscriptionId] = record }
        var rows: [(CivilDate, String, [Cell])] = []
        for subscription in input.subscriptions where subscription.status == .active {
            let contract = state.contracts[subscription.id]
            let effective = Contracts.effective(subscription, contract)
            guard var end = effective.end else { continue }
            let lapsed = contract?.lapsed ?? false
            let inNotice = end >= asOf && end <= asOf.adding(days: input.settings.renewalNoticeDays)
            let record = latest[subscription.id]
            guard lapsed || inNotice || record != nil else { continue }
            let status: String
            // While a renewal invoice waits to be paid, the contract still ends where it did.
            if let record, record.kind == .invoice || record.kind == .notice { end = record.end }
            if lapsed { status = "lapsed" } else if let record { status = record.kind == .renewed ? "renewed" : record.kind == .invoice ? "invoice issued" : record.kind == .notice ? "notice sent" : record.kind.rawValue } else { status = "within notice" }
            rows.append((end, subscription.id, [
                .text(subscription.id), .text(subscription.tenantId), .text(input.tenants[subscription.tenantId]?.name ?? ""),
                .text(input.products[effective.productId]?.displayName ?? effective.productId), .date(end), .integer(end.days(since: asOf)),
                .text(subscription.renew.rawValue), .text(status), .text(record?.invoice ?? ""),
            ]))
        }
        return rows.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    static func write(_ month: MonthJournal, standing: InvoiceStanding, open: [Receivable], state: BillingState, input: BillingInput, period: Period,
                      to path: String, created: Instant) throws {
        let catalog = MessageCatalog(currencies: input.settings.currencies)
        let workbook = try XlsxWorkbook(
            path: path, created: created, title: "Invoices \(period)", author: input.settings.operator.name,
            currencies: input.settings.currencies
        )
        let invoiceSheet = try workbook.addSheet(invoices)
        let lineSheet = try workbook.addSheet(lines)
        var row: [Cell] = []
        try month.forEachInvoice { issued in
            let invoice = standing.settled(issued)
            row.removeAll(keepingCapacity: true)
            row.append(.text(invoice.number))
            row.append(.text(invoice.tenantId))
            row.append(.text(input.tenants[invoice.tenantId]?.name ?? ""))
            row.append(.text(invoice.sourceId))
            row.append(.date(invoice.issueDate))
            row.append(.date(invoice.dueDate))
            row.append(.text(invoice.currency.description))
            row.append(.money(invoice.subtotal))
            row.append(.money(invoice.discount))
            row.append(.money(invoice.tax))
            row.append(.money(invoice.total))
            row.append(.money(invoice.paid))
            row.append(.money(invoice.credited))
            row.append(.money(invoice.outstanding))
            row.append(.text(invoice.status(asOf: standing.asOf).rawValue))
            try invoiceSheet.append(row)

            for (index, line) in invoice.lines.enumerated() {
                row.removeAll(keepingCapacity: true)
                row.append(.text(invoice.number))
                row.append(.integer(index + 1))
                row.append(.text(invoice.tenantId))
                row.append(.text(line.productId))
                row.append(.text(line.description))
                row.append(.date(line.periodStart))
                row.append(.date(line.periodEnd))
                row.append(.integer(line.quantity))
                row.append(.decimal(line.unitPrice.padded(toScale: input.settings.currency(invoice.currency).minorUnits)))
                row.append(.integer(line.months))
                row.append(.money(line.net))
                row.append(.text(line.taxable ? "yes" : "no"))
                row.append(.text((line.own?.source ?? invoice.source).rawValue))
                row.append(.text(line.own?.sourceId ?? invoice.sourceId))
                row.append(.money(line.own?.discount ?? invoice.discount))
                row.append(.money(line.own?.tax ?? invoice.tax))
                try lineSheet.append(row)
            }
        }
        let voucherSheet = try workbook.addSheet(vouchers)
        for use in month.voucherUses {
            try voucherSheet.append([
                .text(use.invoice), .text(use.tenantId), .text(use.code), .text(use.applied ? "yes" : "no"), .money(use.discount),
                .text(use.refusal.map(catalog.text) ?? ""),
            ])
        }
        let noteSheet = try workbook.addSheet(creditNotes)
        for note in month.creditNotes {
            try noteSheet.append([
                .text(note.number), .date(note.issueDate), .text(note.tenantId), .text(input.tenants[note.tenantId]?.name ?? ""),
                .text(note.invoice), .text(note.amount.currency.description), .money(note.net), .money(note.tax), .money(note.amount),
                .money(note.toInvoice), .money(note.toCredit), .text(note.reason), .text(note.adjustmentId),
            ])
        }
        let voidSheet = try workbook.addSheet(voids)
        for void in month.voids {
            try voidSheet.append([
                .text(void.invoice), .date(void.date), .text(void.tenantId), .text(input.tenants[void.tenantId]?.name ?? ""),
                .text(void.total.currency.description), .money(void.total), .text(void.voucher.replacingOccurrences(of: "|", with: ", ")),
                .text(void.reason), .text(void.adjustmentId),
            ])
        }
        // Every invoice still owed, of any month, oldest due first; not yet due included.
        let receivableSheet = try workbook.addSheet(receivables)
        for receivable in open where receivable.outstanding.isPositive {
            let days = Int(standing.asOf.daysSinceEpoch) - Int(receivable.dueDate.daysSinceEpoch)
            let status: InvoiceStatus = days > 0 ? .overdue : (receivable.paid.isZero && receivable.credited.isZero ? .open : .partial)
            try receivableSheet.append([
                .text(receivable.number), .text(receivable.tenantId), .text(input.tenants[receivable.tenantId]?.name ?? ""),
                .text(receivable.sourceId), .date(receivable.issueDate), .date(receivable.dueDate), .text(receivable.total.currency.description),
                .money(receivable.total), .money(receivable.paid), .money(receivable.credited), .money(receivable.outstanding),
                .integer(days), .text(status.rawValue),
            ])
        }
        let renewalSheet = try workbook.addSheet(renewals)
        for row in renewalRows(month, state: state, input: input, asOf: standing.asOf) { try renewalSheet.append(row) }
        try workbook.close()
    }
}
