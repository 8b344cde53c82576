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

    /// Calls `body` with the month's statements in (tenant, currency) order: each run's rows
    /// (in that order already) merged as they are read and joined in run order, so no table of
    /// the month's tenants is built; a tenant whose balance did not move this month shows it
    /// as both opening and closing.
    static func forEachRow(_ runs: [StatementRows], balances unmoved: TenantBalances, _ body: (TenantStatement) throws -> Void) throws {
        var nextUnmoved = 0
        func key(_ row: TenantStatement) -> StatementBook.Key { StatementBook.Key(tenant: row.tenantId, currency: row.currency) }
        while true {
            var first: StatementBook.Key?
            for run in runs {
                guard let head = run.head.map(key) else { continue }
                if first.map({ head < $0 }) ?? true { first = head }
            }
            while nextUnmoved < unmoved.count, first.map({ unmoved[nextUnmoved].key < $0 }) ?? true {
                let (key, balance) = unmoved[nextUnmoved]
                try body(TenantStatement(tenantId: key.tenant, currency: key.currency, opening: balance))
                nextUnmoved += 1
            }
            guard let first else { return }
            if nextUnmoved < unmoved.count, unmoved[nextUnmoved].key == first { nextUnmoved += 1 }
            var joined: TenantStatement?
            for run in runs {
                guard let row = run.head, key(row) == first else { continue }
                joined = joined.map { $0.then(row) } ?? row
                try run.advance()
            }
            if let joined { try body(joined) }
        }
    }

    static func write(_ month: MonthJournal, state: BillingState, input: BillingInput, period: Period, to path: String, created: Instant) throws {
        let labels = WorkbookLabels(input.settings.language)
        let workbook = try XlsxWorkbook(path: path, created: created,
                                        frame: labels.frame(.statements, period: labels.period(period), settings: input.settings),
                                        currencies: input.settings.currencies)
        let sheet = try workbook.addSheet(labels.layout(statements))
        var sums: [CurrencyCode: (count: Int, row: TenantStatement)] = [:]
        let balances = TenantBalances(state)
        try forEachRow(try month.statementRows(), balances: balances) { row in
            try sheet.append([
                .text(row.tenantId), .text(input.tenants.read(row.tenantId) { $0.name } ?? ""), .text(row.currency.description), .money(row.opening),
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
        let totalSheet = try workbook.addSheet(labels.layout(totals))
        for currency in sums.keys.sorted() {
            guard let (count, row) = sums[currency] else { continue }
            let inState = balances.lazy.filter { $0.key.currency == currency }.reduce(Money.zero(currency)) { $0 + $1.amount }
            try totalSheet.append([
                .text(currency.description), .integer(count), .money(row.opening), .money(row.invoices), .money(row.creditNotes),
                .money(row.payments), .money(row.refunds), .money(row.creditUsed), .money(row.writtenOff), .money(row.closing),
                .money(inState), .text(inState == row.closing && row.closing == row.expectedClosing ? labels.agrees : labels.differs),
            ])
        }
        try workbook.close()
    }
}
