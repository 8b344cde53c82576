import TagihCore
import TagihIO

/// `invoices.xlsx`: the month's invoices so far, their lines, the vouchers asked for, credit
/// notes and voids, and every invoice still open of any month (receivables).
enum InvoicesWorkbook {
    static let invoices = SheetSpec(.invoices, [
        (.number, .text), (.tenantId, .text), (.tenantName, .text), (.sourceId, .text),
        (.issueDate, .date), (.dueDate, .date), (.currency, .text),
        (.subtotal, .money), (.discount, .money), (.tax, .money), (.total, .money),
        (.paid, .money), (.credited, .money), (.outstanding, .money), (.status, .text),
    ])

    static let lines = SheetSpec(.lines, [
        (.invoiceNumber, .text), (.line, .integer), (.tenantId, .text), (.productId, .text),
        (.description, .text), (.periodStart, .date), (.periodEnd, .date),
        (.quantity, .integer), (.unitPrice, .decimal), (.months, .integer),
        (.net, .money), (.taxable, .text), (.source, .text), (.sourceId, .text), (.discount, .money), (.tax, .money),
    ])

    static let vouchers = SheetSpec(.vouchers, [
        (.invoiceNumber, .text), (.tenantId, .text), (.code, .text), (.applied, .text), (.discount, .money), (.reason, .text),
    ])

    static let creditNotes = SheetSpec(.creditNotes, [
        (.number, .text), (.date, .date), (.tenantId, .text), (.tenantName, .text), (.invoice, .text), (.currency, .text),
        (.net, .money), (.tax, .money), (.amount, .money), (.offTheInvoice, .money),
        (.toCredit, .money), (.reason, .text), (.adjustmentId, .text),
    ])

    static let voids = SheetSpec(.voids, [
        (.invoice, .text), (.date, .date), (.tenantId, .text), (.tenantName, .text), (.currency, .text), (.total, .money),
        (.voucherGivenBack, .text), (.reason, .text), (.adjustmentId, .text),
    ])

    static let receivables = SheetSpec(.receivables, [
        (.number, .text), (.tenantId, .text), (.tenantName, .text), (.sourceId, .text), (.issueDate, .date),
        (.dueDate, .date), (.currency, .text), (.total, .money), (.paid, .money), (.credited, .money),
        (.outstanding, .money), (.daysPastDue, .integer), (.status, .text),
    ])

    static let renewals = SheetSpec(.renewals, totals: false, [
        (.subscriptionId, .text), (.tenantId, .text), (.tenantName, .text), (.product, .text), (.end, .date),
        (.daysToEnd, .integer), (.renew, .text), (.status, .text), (.renewalInvoice, .text),
    ])

    /// Rule 11's list: every contract within its notice period or lapsed, as of the as-of,
    /// with what the month did about it (notice sent, invoice issued, renewed). Made before
    /// the write stage's jobs start: the contracts are not kept for the workbook.
    static func renewalRows(_ month: MonthJournal, contracts: Directory<ContractState>, input: BillingInput, asOf: CivilDate) -> [[Cell]] {
        let labels = WorkbookLabels(input.settings.language)
        var latest: [String: RenewalRecord] = [:]
        for record in month.renewals { latest[record.subscriptionId] = record }
        var rows: [(CivilDate, String, [Cell])] = []
        for subscription in input.subscriptions where subscription.status == .active {
            let contract = contracts[subscription.id]
            let effective = Contracts.effective(subscription, contract)
            guard var end = effective.end else { continue }
            let lapsed = contract?.lapsed ?? false
            let inNotice = end >= asOf && end <= asOf.adding(days: input.settings.renewalNoticeDays)
            let record = latest[subscription.id]
            guard lapsed || inNotice || record != nil else { continue }
            // While a renewal invoice waits to be paid, the contract still ends where it did.
            if let record, record.kind == .invoice || record.kind == .notice { end = record.end }
            let status: WorkbookLabels.RenewalStatus
            if lapsed {
                status = .lapsed
            } else if let record {
                switch record.kind {
                case .renewed: status = .renewed
                case .invoice: status = .invoiceIssued
                case .notice: status = .noticeSent
                case .lapsed: status = .lapsed
                }
            } else {
                status = .withinNotice
            }
            rows.append((end, subscription.id, [
                .text(subscription.id), .text(subscription.tenantId), .text(input.tenants.read(subscription.tenantId) { $0.name } ?? ""),
                .text(input.products[effective.productId]?.displayName ?? effective.productId), .date(end), .integer(end.days(since: asOf)),
                .text(labels.word(subscription.renew)), .text(labels.word(status)), .text(record?.invoice ?? ""),
            ]))
        }
        return rows.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    static func write(_ month: MonthJournal, standing: InvoiceStanding, open: [Receivable], renewalList: [[Cell]], input: BillingInput, period: Period,
                      to path: String, created: Instant) throws {
        let settings = input.settings
        let catalog = MessageCatalog(language: settings.language, currencies: settings.currencies)
        let labels = WorkbookLabels(settings.language)
        let workbook = try XlsxWorkbook(path: path, created: created, frame: labels.frame(.invoices, period: labels.period(period), settings: settings),
                                        currencies: settings.currencies)
        let invoiceSheet = try workbook.addSheet(labels.layout(invoices))
        let lineSheet = try workbook.addSheet(labels.layout(lines))
        var row: [Cell] = []
        try month.forEachInvoice { issued in
            let invoice = standing.settled(issued)
            row.removeAll(keepingCapacity: true)
            row.append(.text(invoice.number))
            row.append(.text(invoice.tenantId))
            row.append(.text(input.tenants.read(invoice.tenantId) { $0.name } ?? ""))
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
            row.append(.text(labels.word(invoice.status(asOf: standing.asOf))))
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
                row.append(.text(labels.yesNo(line.taxable)))
                row.append(.text(labels.word(line.own?.source ?? invoice.source)))
                row.append(.text(line.own?.sourceId ?? invoice.sourceId))
                row.append(.money(line.own?.discount ?? invoice.discount))
                row.append(.money(line.own?.tax ?? invoice.tax))
                try lineSheet.append(row)
            }
        }
        let voucherSheet = try workbook.addSheet(labels.layout(vouchers))
        for use in month.voucherUses {
            try voucherSheet.append([
                .text(use.invoice), .text(use.tenantId), .text(use.code), .text(labels.yesNo(use.applied)), .money(use.discount),
                .text(use.refusal.map(catalog.text) ?? ""),
            ])
        }
        let noteSheet = try workbook.addSheet(labels.layout(creditNotes))
        for note in month.creditNotes {
            try noteSheet.append([
                .text(note.number), .date(note.issueDate), .text(note.tenantId), .text(input.tenants.read(note.tenantId) { $0.name } ?? ""),
                .text(note.invoice), .text(note.amount.currency.description), .money(note.net), .money(note.tax), .money(note.amount),
                .money(note.toInvoice), .money(note.toCredit), .text(note.reason), .text(note.adjustmentId),
            ])
        }
        let voidSheet = try workbook.addSheet(labels.layout(voids))
        for void in month.voids {
            try voidSheet.append([
                .text(void.invoice), .date(void.date), .text(void.tenantId), .text(input.tenants.read(void.tenantId) { $0.name } ?? ""),
                .text(void.total.currency.description), .money(void.total), .text(void.voucher.replacingOccurrences(of: "|", with: ", ")),
                .text(void.reason), .text(void.adjustmentId),
            ])
        }
        // Every invoice still owed, of any month, oldest due first; not yet due included.
        let receivableSheet = try workbook.addSheet(labels.layout(receivables))
        for receivable in open where receivable.outstanding.isPositive {
            let days = Int(standing.asOf.daysSinceEpoch) - Int(receivable.dueDate.daysSinceEpoch)
            let status: InvoiceStatus = days > 0 ? .overdue : (receivable.paid.isZero && receivable.credited.isZero ? .open : .partial)
            try receivableSheet.append([
                .text(receivable.number), .text(receivable.tenantId), .text(input.tenants.read(receivable.tenantId) { $0.name } ?? ""),
                .text(receivable.sourceId), .date(receivable.issueDate), .date(receivable.dueDate), .text(receivable.total.currency.description),
                .money(receivable.total), .money(receivable.paid), .money(receivable.credited), .money(receivable.outstanding),
                .integer(days), .text(labels.word(status)),
            ])
        }
        let renewalSheet = try workbook.addSheet(labels.layout(renewals))
        for row in renewalList { try renewalSheet.append(row) }
        try workbook.close()
    }
}
