import TagihCore
import TagihIO

/// `summary.xlsx`: the month so far: totals by product and by status, the collection rate, a
/// chart, the balance roll-forward each run checked, and the records that came late. Expired
/// and void invoices were never owed: they show under their status and in no other total.
enum SummaryWorkbook {
    static let byProduct = SheetLayout(name: "By product", columns: [
        Column("Product ID"), Column("Product"), Column("Currency"), Column("Invoices", .integer),
        Column("Subtotal", .money), Column("Discount", .money), Column("Tax", .money), Column("Total", .money),
        Column("Paid", .money), Column("Outstanding", .money),
    ])

    static let byStatus = SheetLayout(name: "By status", columns: [
        Column("Status"), Column("Currency"), Column("Invoices", .integer), Column("Total", .money),
        Column("Paid", .money), Column("Outstanding", .money),
    ])

    static let collection = SheetLayout(name: "Collection", columns: [
        Column("Currency"), Column("Invoices", .integer), Column("Invoiced", .money), Column("Collected", .money),
        Column("Outstanding", .money), Column("Collection rate", .percent),
    ])

    static let balance = SheetLayout(name: "Balance", columns: [
        Column("Currency"), Column("Open before", .money), Column("Issued", .money),
        Column("Paid by payments", .money), Column("Paid from credit", .money), Column("Expired", .money), Column("Voided", .money),
        Column("Credit notes", .money), Column("Open after", .money), Column("Credit before", .money),
        Column("Credit from payments", .money), Column("Credit spent", .money), Column("Credit from expired orders", .money),
        Column("Credit from credit notes", .money), Column("Credit after", .money), Column("Check"),
    ])

    static let late = SheetLayout(name: "Late records", columns: [
        Column("Kind"), Column("ID"), Column("Dated", .date), Column("Handled as"),
    ])

    static func write(_ monthJournal: MonthJournal, standing: InvoiceStanding, input: BillingInput, period: Period, to path: String, created: Instant) throws {
        let month = monthJournal
        let home = input.settings.currency
        // The operator's own currency first, then the others by code.
        let currencyOrder = { (a: CurrencyCode, b: CurrencyCode) -> Bool in
            a == b ? false : a == home ? true : b == home ? false : a < b
        }

        var products: [String: [CurrencyCode: InvoiceSums]] = [:]
        var statuses: [InvoiceStatus: [CurrencyCode: InvoiceSums]] = [:]
        var overall: [CurrencyCode: InvoiceSums] = [:]
        try month.forEachInvoice { issued in
            let invoice = standing.settled(issued)
            let status = invoice.status(asOf: standing.asOf)
            statuses[status, default: [:]][invoice.currency, default: InvoiceSums(currency: invoice.currency)].add(invoice)
            guard status.isReceivable else { return }
            let product = invoice.lines.first?.productId ?? ""
            products[product, default: [:]][invoice.currency, default: InvoiceSums(currency: invoice.currency)].add(invoice)
            overall[invoice.currency, default: InvoiceSums(currency: invoice.currency)].add(invoice)
        }

        let workbook = try XlsxWorkbook(
            path: path, created: created, title: "Summary \(period)", author: input.settings.operator.name,
            currencies: input.settings.currencies
        )
        let productSheet = try workbook.addSheet(byProduct)
        var productRows: [(CurrencyCode, String, InvoiceSums)] = []
        for (product, byCurrency) in products {
            for (currency, sums) in byCurrency { productRows.append((currency, product, sums)) }
        }
        productRows.sort { $0.0 != $1.0 ? currencyOrder($0.0, $1.0) : $0.1 < $1.1 }
        var homeRows = 0
        for (currency, product, sums) in productRows {
            if currency == home { homeRows += 1 }
            try productSheet.append([
                .text(product), .text(input.products[product]?.displayName ?? ""), .text(currency.description),
                .integer(sums.count), .money(sums.subtotal), .money(sums.discount), .money(sums.tax),
                .money(sums.total), .money(sums.paid), .money(sums.outstanding),
            ])
        }

        let statusSheet = try workbook.addSheet(byStatus)
        for status in InvoiceStatus.allCases {
            guard let byCurrency = statuses[status] else { continue }
            for currency in byCurrency.keys.sorted(by: currencyOrder) {
                let sums = byCurrency[currency]!
                try statusSheet.append([
                    .text(status.rawValue), .text(currency.description), .integer(sums.count),
                    .money(sums.total), .money(sums.paid), .money(sums.outstanding),
                ])
            }
        }

        let collectionSheet = try workbook.addSheet(collection)
        for currency in overall.keys.sorted(by: currencyOrder) {
            let sums = overall[currency]!
            try collectionSheet.append([
                .text(currency.description), .integer(sums.count), .money(sums.total), .money(sums.paid),
                .money(sums.outstanding), sums.collectionRate.map(Cell.percent) ?? .empty,
            ])
        }

        // The month's roll-forward: the runs' checked balances joined, so it reads the same
        // whether the month was run once or day by day.
        let balanceSheet = try workbook.addSheet(balance)
        var wholeMonth: [CurrencyCode: Reconciliation.Balance] = [:]
        for run in monthJournal.balances {
            for row in run { wholeMonth[row.currency] = wholeMonth[row.currency].map { $0.then(row) } ?? row }
        }
        for currency in wholeMonth.keys.sorted(by: currencyOrder) {
            let row = wholeMonth[currency]!
            try balanceSheet.append([
                .text(currency.description), .money(row.openBefore), .money(row.issued), .money(row.paidByPayments),
                .money(row.paidFromCredit), .money(row.expired), .money(row.voided), .money(row.creditNotesOnInvoices),
                .money(row.openAfter), .money(row.creditBefore), .money(row.creditFromPayments), .money(row.paidFromCredit),
                .money(row.creditFromExpired), .money(row.creditFromCreditNotes), .money(row.creditAfter),
                .text(row.openAfter == row.expectedOpen && row.creditAfter == row.expectedCredit ? "holds" : "BROKEN"),
            ])
        }

        let lateSheet = try workbook.addSheet(late)
        for record in monthJournal.late {
            try lateSheet.append([.text(record.kind.rawValue), .text(record.id), .date(record.dated), .text(record.handledAs)])
        }

        if homeRows > 0 {
            try workbook.addChart(ChartSpec(
                kind: .column, title: "Invoiced by product (\(home))", sheet: byProduct.name, firstRow: 0,
                lastRow: homeRows - 1, categoryColumn: 0, valueColumns: [7], anchorRow: productRows.count + 2, anchorColumn: 1
            ))
        }
        try workbook.close()
    }
}
