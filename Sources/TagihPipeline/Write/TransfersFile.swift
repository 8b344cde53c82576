import TagihCore
import TagihIO

/// The transfers a run releases, in its outbox: `payouts.csv` for scripts and payout APIs
/// (fixed column names, values exactly, no formula guard), and `payouts.xlsx` beside it for
/// people, where an account number or a bank code like `014` stays text and keeps its
/// leading zeros (a CSV opened in a spreadsheet loses them). One row per tenant: a run that
/// pays out several of its windows sends one transfer (`TransferBatch`).
enum TransfersFile {
    /// `windows` came last, so scripts reading columns by position keep working.
    static let csvHeader = ["bank_code", "account_number", "account_holder", "amount", "currency", "reference", "email", "tenant_id", "windows"]

    static let transfers = SheetSpec(.transfers, [
        (.tenantId, .text), (.tenant, .text), (.bankCode, .text), (.account, .text), (.holder, .text),
        (.amount, .money), (.currency, .text), (.reference, .text), (.email, .text), (.windows, .text),
    ])

    static func write(_ transfers: [PayoutTransfer], input: BillingInput, asOf: CivilDate, csvPath: String, workbookPath: String,
                      created: Instant) throws {
        let settings = input.settings
        let csv = try CSVWriter(path: csvPath, header: csvHeader, currencies: settings.currencies, guardFormulas: false)
        let labels = WorkbookLabels(settings.language)
        let workbook = try XlsxWorkbook(path: workbookPath, created: created, frame: labels.frame(.transfers, period: labels.asOf(asOf), settings: settings),
                                        currencies: settings.currencies)
        let sheet = try workbook.addSheet(labels.layout(Self.transfers))
        for transfer in transfers {
            let account = transfer.account
            // Window references hold no `|`: tagih's list separator, as in its input tables.
            try csv.append([
                .text(account.code), .text(account.account), .text(account.holder), .money(transfer.amount),
                .text(transfer.amount.currency.description), .text(transfer.reference), .text(transfer.email), .text(transfer.tenantId),
                .text(transfer.windows.joined(separator: "|")),
            ])
            try sheet.append([
                .text(transfer.tenantId), .text(input.tenants.read(transfer.tenantId) { $0.name } ?? ""), .text(account.code), .text(account.account),
                .text(account.holder), .money(transfer.amount), .text(transfer.amount.currency.description), .text(transfer.reference),
                .text(transfer.email), .text(transfer.windows.joined(separator: ", ")),
            ])
        }
        try csv.close()
        try workbook.close()
    }
}
