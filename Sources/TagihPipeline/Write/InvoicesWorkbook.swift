import TagihCore
import TagihIO

/// `invoices.xlsx`: the month's invoices so far, their lines and the vouchers asked for.
enum InvoicesWorkbook {
    static let invoices = SheetLayout(name: "Invoices", columns: [
        Column("Number"), Column("Tenant ID"), Column("Tenant name"), Column("Source ID"),
        Column("Issue date", .date), Column("Due date", .date), Column("Currency"),
        Column("Subtotal", .money), Column("Discount", .money), Column("Tax", .money), Column("Total", .money),
        Column("Paid", .money), Column("Outstanding", .money), Column("Status"),
    ])

    static let lines = SheetLayout(name: "Lines", columns: [
        Column("Invoice number"), Column("Line", .integer), Column("Tenant ID"), Column("Product ID"),
        Column("Description"), Column("Period start", .date), Column("Period end", .date),
        Column("Quantity", .integer), Column("Unit price", .decimal), Column("Months", .integer),
        Column("Net", .money), Column("Taxable"),
    ])

    static let vouchers = SheetLayout(name: "Vouchers", columns: [
        Column("Invoice number"), Column("Tenant ID"), Column("Code"), Column("Applied"), Column("Discount", .money), Column("Reason"),
    ])

    static func write(_ month: MonthJournal, standing: InvoiceStanding, input: BillingInput, period: Period, to path: String, created: Instant) throws {
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
        try workbook.close()
    }
}
