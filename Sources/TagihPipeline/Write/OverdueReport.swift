import TagihCore
import TagihIO

/// `overdue.xlsx` and `overdue.csv`: what ISP staff disconnect from. Worst first, with the
/// tenant's dunning action on each of its rows; the workbook adds aging by bucket and a chart.
/// The workbook is for people, in the operator's language; the CSV is for scripts: fixed
/// column names, values exactly (phones in E.164 digits, the words as settings write them,
/// no formula guard; people open the workbook).
enum OverdueReport {
    static let overdue = SheetSpec(.overdue, [
        (.tenantId, .text), (.name, .text), (.phone, .text), (.serviceId, .text), (.address, .text), (.subscriptionId, .text),
        (.invoiceNumber, .text), (.dueDate, .date), (.daysOverdue, .integer), (.bucket, .text),
        (.outstanding, .money), (.action, .text), (.currency, .text),
    ])

    /// The rows for other tools, with plain column names; `service_id` came last, so scripts
    /// reading columns by position keep working.
    static let csvHeader = [
        "tenant_id", "name", "phone", "address", "subscription_id", "invoice_number", "due_date", "days_overdue",
        "bucket", "outstanding", "action", "currency", "service_id",
    ]

    static let aging = SheetSpec(.aging, [
        (.bucket, .text), (.currency, .text), (.invoiceCount, .integer), (.tenantCount, .integer), (.outstanding, .money),
    ])

    /// Writes both files; returns a warning for each tenant whose phone the CSV leaves empty
    /// because it cannot be read without guessing.
    @discardableResult
    static func write(_ items: OverdueList, settings: Settings, tenants: Directory<Tenant>, asOf: CivilDate,
                      workbookPath: String, csvPath: String, created: Instant) throws -> [Finding] {
        let labels = WorkbookLabels(settings.language)
        let workbook = try XlsxWorkbook(path: workbookPath, created: created, frame: labels.frame(.overdue, period: labels.asOf(asOf), settings: settings),
                                        currencies: settings.currencies)
        let sheet = try workbook.addSheet(labels.layout(overdue))
        let csv = try CSVWriter(path: csvPath, header: csvHeader, currencies: settings.currencies, guardFormulas: false)
        var findings: [Finding] = []
        var reported: Set<String> = []
        for item in items {
            let receivable = item.receivable
            let tenant = tenants[receivable.tenantId]
            let subscription = receivable.source == .subscription ? receivable.sourceId : ""
            try sheet.append([
                .text(receivable.tenantId), .text(tenant?.name ?? ""), .text(tenant?.phone ?? ""), .text(tenant?.serviceId ?? ""),
                .text(tenant?.address ?? ""), .text(subscription), .text(receivable.number),
                .date(receivable.dueDate), .integer(item.daysOverdue), .text(labels.word(item.bucket)),
                .money(receivable.outstanding), .text(labels.action(item.action)), .text(receivable.outstanding.currency.description),
            ])
            var phone = ""
            if let tenant, !tenant.phone.isEmpty {
                if let digits = PhoneNumber.e164(tenant.phone) {
                    phone = digits
                } else if reported.insert(tenant.id).inserted {
                    findings.append(Finding(tenant.location, value: tenant.phone, .unreadablePhone(tenant: tenant.id, useFor: "overdue.csv")))
                }
            }
            try csv.append([
                .text(receivable.tenantId), .text(tenant?.name ?? ""), .text(phone), .text(tenant?.address ?? ""),
                .text(subscription), .text(receivable.number), .date(receivable.dueDate), .integer(item.daysOverdue),
                .text(item.bucket.rawValue), .money(receivable.outstanding), .text(item.action),
                .text(receivable.outstanding.currency.description), .text(tenant?.serviceId ?? ""),
            ])
        }
        try csv.close()

        // Aging: every bucket for the operator's currency (so the chart always has four bars),
        // then the buckets other currencies have.
        var sums = Aging.summary(items)
        if sums[settings.currency] == nil { sums[settings.currency] = [:] }
        let agingLayout = labels.layout(aging)
        let agingSheet = try workbook.addSheet(agingLayout)
        let currencies = [settings.currency] + sums.keys.filter { $0 != settings.currency }.sorted()
        for currency in currencies {
            for bucket in AgingBucket.allCases {
                let value = sums[currency]?[bucket]
                if currency != settings.currency && value == nil { continue }
                try agingSheet.append([
                    .text(labels.word(bucket)), .text(currency.description), .integer(value?.invoices ?? 0),
                    .integer(value?.tenants ?? 0), .money(value?.outstanding ?? Money(minor: 0, currency: currency)),
                ])
            }
        }
        try workbook.addChart(ChartSpec(
            kind: .column, title: labels.outstandingByAge(settings.currency), sheet: agingLayout.name, firstRow: 0,
            lastRow: AgingBucket.allCases.count - 1, categoryColumn: 0, valueColumns: [aging.index(of: .outstanding) ?? 4], anchorRow: 1, anchorColumn: 6
        ))
        try workbook.close()
        return findings
    }
}
