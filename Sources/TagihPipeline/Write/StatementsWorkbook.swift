import TagihCore
import TagihIO

/// `statements.xlsx`: each tenant's account for the month so far, per currency: opening
/// balance, invoices, credit notes, payments, refunds, credit used, written off (expired and
/// void), closing balance. Balance is what the tenant owes on open invoices less its credit.
/// `Totals` adds them up per currency beside the open balance less credit of the state the
/// month ends with: the two agree, as every run checked.
enum StatementsWorkbook {
    static let statements = SheetSpec(.statements, [
        (.tenantId, .text), (.tenantName, .text), (.currency, .text), (.openingBalance, .money), (.invoices, .money),
        (.creditNotes, .money), (.payments, .money), (.refunds, .money), (.creditUsed, .money),
        (.writtenOff, .money), (.closingBalance, .money),
    ])

    /// Already the totals, one row per currency.
    static let totals = SheetSpec(.totals, totals: false, [
        (.currency, .text), (.tenantCount, .integer), (.openingBalance, .money), (.invoices, .money),
        (.creditNotes, .money), (.payments, .money), (.refunds, .money), (.creditUsed, .money),
        (.writtenOff, .money), (.closingBalance, .money), (.openLessCreditInState, .money), (.check, .text),
    ])

    /// The month's statements: each run's rows joined in run order; a tenant whose balance did
    /// not move this month shows it as both opening and closing.
    static func rows(_ month: MonthJournal, state: BillingState) -> [TenantStatement] {
        var joined: [StatementBook.Key: TenantStatement] = [:]
        for run in month.statements {
            for row in run {
                let key = StatementBook.Key(tenant: row.tenantId, currency: row.currency)
                joined[key] = joined[key].map { $0.then(row) } ?? row
            }
        }
        for (key, balance) in StatementBook.balances(state) where joined[key] == nil {
            joined[key] = TenantStatement(tenantId: key.tenant, currency: key.currency, opening: balance)
        }
        return joined.keys.sorted().compactMap { joined[$0] }
    }

    static func write(_ month: MonthJournal, state: BillingState, input: BillingInput, period: Period, to path: String, created: Instant) throws {
        let labels = WorkbookLabels(input.settings.language)
        let workbook = try XlsxWorkbook(path: path, created: created,
                                        frame: labels.frame(.statements, period: labels.period(period), settings: input.settings),
                                        currencies: input.settings.currencies)
        let sheet = try workbook.addSheet(labels.layout(statements))
        var sums: [CurrencyCode: (count: Int, row: TenantStatement)] = [:]
        for row in rows(month, state: state) {
            try sheet.append([
                .text(row.tenantId), .text(input.tenants[row.tenantId]?.name ?? ""), .text(row.currency.description), .money(row.opening),
                .money(row.invoices), .money(row.creditNotes), .money(row.payments), .money(row.refunds), .money(row.creditUsed),
                .money(row.writtenOff), .money(row.closing),
            ])
            var sum = sums[row.currency] ?? (0, TenantStatement(tenantId: "", currency: row.currency, opening: .zero(row.currency)))
            sum.count += 1
            let closing = sum.row.closing + row.closing
            sum.row.opening += row.opening
            sum.row = sum.row.then(row)
            sum.row.closing = closing
            sums[row.currency] = sum
        }
        let balances = StatementBook.balances(state)
        let totalSheet = try workbook.addSheet(labels.layout(totals))
        for currency in sums.keys.sorted() {
            guard let (count, row) = sums[currency] else { continue }
            let inState = balances.filter { $0.key.currency == currency }.values.reduce(Money.zero(currency), +)
            try totalSheet.append([
                .text(currency.description), .integer(count), .money(row.opening), .money(row.invoices), .money(row.creditNotes),
                .money(row.payments), .money(row.refunds), .money(row.creditUsed), .money(row.writtenOff), .money(row.closing),
                .money(inState), .text(inState == row.closing && row.closing == row.expectedClosing ? labels.agrees : labels.differs),
            ])
        }
        try workbook.close()
    }
}
