import TagihCore
import TagihIO

/// `summary.xlsx`: the month so far: totals by product and by status, the collection rate, a
/// chart, the balance roll-forward each run checked, and the records that came late. Expired
/// and void invoices were never owed: they show under their status and in no other total.
enum SummaryWorkbook {
    static let byProduct = SheetSpec(.byProduct, [
        (.productId, .text), (.product, .text), (.currency, .text), (.invoiceCount, .integer),
        (.subtotal, .money), (.discount, .money), (.tax, .money), (.total, .money),
        (.paid, .money), (.outstanding, .money),
    ])

    /// No totals: expired and void invoices were never owed, so a sum over statuses would
    /// add what was never billed to what was.
    static let byStatus = SheetSpec(.byStatus, totals: false, [
        (.status, .text), (.currency, .text), (.invoiceCount, .integer), (.total, .money),
        (.paid, .money), (.outstanding, .money),
    ])

    static let collection = SheetSpec(.collection, totals: false, [
        (.currency, .text), (.invoiceCount, .integer), (.invoiced, .money), (.collected, .money),
        (.outstanding, .money), (.collectionRate, .percent),
    ])

    static let balance = SheetSpec(.balance, totals: false, [
        (.currency, .text), (.openBefore, .money), (.issued, .money),
        (.paidByPayments, .money), (.paidFromCredit, .money), (.expired, .money), (.voided, .money),
        (.creditNotes, .money), (.openAfter, .money), (.creditBefore, .money),
        (.creditFromPayments, .money), (.creditSpent, .money), (.creditFromExpired, .money),
        (.creditFromCreditNotes, .money), (.creditAfter, .money), (.check, .text),
    ])

    static let late = SheetSpec(.late, [
        (.kind, .text), (.id, .text), (.dated, .date), (.handledAs, .text),
    ])

    /// Rule 16's month in sums: the e-Faktur files' tax invoices, DPP, DPP Nilai Lain and PPN.
    static let ppn = SheetSpec(.ppn, totals: false, [
        (.month, .text), (.currency, .text), (.taxInvoices, .integer), (.taxBase, .money), (.otherTaxBase, .money), (.vat, .money),
    ])

    /// `tax` is the sum of the month's e-Faktur records, when the operator has a tax id.
    static func write(_ monthJournal: MonthJournal, standing: InvoiceStanding, input: BillingInput, period: Period, tax: TaxTotals?,
                      to path: String, created: Instant) throws {
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

        let labels = WorkbookLabels(input.settings.language)
        let workbook = try XlsxWorkbook(path: path, created: created,
                                        frame: labels.frame(.summary, period: labels.period(period), settings: input.settings),
                                        currencies: input.settings.currencies)
        let productLayout = labels.layout(byProduct)
        let productSheet = try workbook.addSheet(productLayout)
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

        let statusSheet = try workbook.addSheet(labels.layout(byStatus))
        for status in InvoiceStatus.allCases {
            guard let byCurrency = statuses[status] else { continue }
            for currency in byCurrency.keys.sorted(by: currencyOrder) {
                guard let sums = byCurrency[currency] else { continue }
                try statusSheet.append([
                    .text(labels.word(status)), .text(currency.description), .integer(sums.count),
                    .money(sums.total), .money(sums.paid), .money(sums.outstanding),
                ])
            }
        }

        let collectionSheet = try workbook.addSheet(labels.layout(collection))
        for currency in overall.keys.sorted(by: currencyOrder) {
            guard let sums = overall[currency] else { continue }
            try collectionSheet.append([
                .text(currency.description), .integer(sums.count), .money(sums.total), .money(sums.paid),
                .money(sums.outstanding), sums.collectionRate.map(Cell.percent) ?? .empty,
            ])
        }

        // The month's roll-forward: the runs' checked balances joined, so it reads the same
        // whether the month was run once or day by day.
        let balanceSheet = try workbook.addSheet(labels.layout(balance))
        var wholeMonth: [CurrencyCode: Reconciliation.Balance] = [:]
        for run in monthJournal.balances {
            for row in run { wholeMonth[row.currency] = wholeMonth[row.currency].map { $0.then(row) } ?? row }
        }
        for currency in wholeMonth.keys.sorted(by: currencyOrder) {
            guard let row = wholeMonth[currency] else { continue }
            try balanceSheet.append([
                .text(currency.description), .money(row.openBefore), .money(row.issued), .money(row.paidByPayments),
                .money(row.paidFromCredit), .money(row.expired), .money(row.voided), .money(row.creditNotesOnInvoices),
                .money(row.openAfter), .money(row.creditBefore), .money(row.creditFromPayments), .money(row.paidFromCredit),
                .money(row.creditFromExpired), .money(row.creditFromCreditNotes), .money(row.creditAfter),
                .text(row.openAfter == row.expectedOpen && row.creditAfter == row.expectedCredit ? labels.holds : labels.broken),
            ])
        }

        let lateSheet = try workbook.addSheet(labels.layout(late))
        for record in monthJournal.late {
            try lateSheet.append([.text(labels.word(record.kind)), .text(record.id), .date(record.dated), .text(record.handledAs)])
        }

        if let tax {
            let ppnSheet = try workbook.addSheet(labels.layout(ppn))
            try ppnSheet.append([
                .text(labels.period(period)), .text(tax.vat.currency.description), .integer(tax.invoices),
                .money(tax.taxBase), .money(tax.otherTaxBase), .money(tax.vat),
            ])
        }

        if homeRows > 0, let total = byProduct.index(of: .total) {
            // Below the rows and their totals (a blank row, one per currency), with a row to spare.
            let currencies = Set(productRows.map(\.0)).count
            try workbook.addChart(ChartSpec(
                kind: .column, title: labels.invoicedByProduct(home), sheet: productLayout.name, firstRow: 0,
                lastRow: homeRows - 1, categoryColumn: 0, valueColumns: [total], anchorRow: productRows.count + currencies + 3, anchorColumn: 1
            ))
        }
        try workbook.close()
    }
}
