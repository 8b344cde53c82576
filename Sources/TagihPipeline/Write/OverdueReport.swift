import TagihCore
import TagihIO

/// `overdue.xlsx` and `overdue.csv`: what ISP staff disconnect from. Worst first, with the
/// tenant's dunning action on each of its rows; the workbook adds aging by bucket and a chart.
enum OverdueReport {
    static let overdue = SheetLayout(name: "Overdue", columns: [
        Column("Tenant ID"), Column("Name"), Column("Phone"), Column("Address"), Column("Subscription ID"),
        Column("Invoice number"), Column("Due date", .date), Column("Days overdue", .integer), Column("Bucket"),
        Column("Outstanding", .money), Column("Action"), Column("Currency"),
    ])

    /// The same rows for other tools, with plain column names.
    static let csvHeader = [
        "tenant_id", "name", "phone", "address", "subscription_id", "invoice_number", "due_date", "days_overdue",
        "bucket", "outstanding", "action", "currency",
    ]

    static let aging = SheetLayout(name: "Aging", columns: [
        Column("Bucket"), Column("Currency"), Column("Invoices", .integer), Column("Tenants", .integer), Column("Outstanding", .money),
    ])

    static func rows(_ items: [OverdueItem], tenants: Directory<Tenant>) -> [[Cell]] {
        items.map { item in
            let tenant = tenants[item.receivable.tenantId]
            return [
                .text(item.receivable.tenantId), .text(tenant?.name ?? ""), .text(tenant?.phone ?? ""), .text(tenant?.address ?? ""),
                .text(item.receivable.source == .subscription ? item.receivable.sourceId : ""), .text(item.receivable.number),
                .date(item.receivable.dueDate), .integer(item.daysOverdue), .text(item.bucket.rawValue),
                .money(item.receivable.outstanding), .text(item.action), .text(item.receivable.outstanding.currency.description),
            ]
        }
    }

    static func write(_ items: [OverdueItem], settings: Settings, tenants: Directory<Tenant>, asOf: CivilDate,
                      workbookPath: String, csvPath: String, created: Instant) throws {
        let rows = rows(items, tenants: tenants)
        let workbook = try XlsxWorkbook(path: workbookPath, created: created, title: "Overdue as of \(asOf)",
                                        author: settings.operator.name, currencies: settings.currencies)
        let sheet = try workbook.addSheet(overdue)
        let csv = try CSVWriter(path: csvPath, header: csvHeader, currencies: settings.currencies)
        for row in rows {
            try sheet.append(row)
            try csv.append(row)
        }
        try csv.close()

        // Aging: every bucket for the operator's currency (so the chart always has four bars),
        // then the buckets other currencies have.
        struct Sums { var invoices = 0; var tenants = Set<String>(); var outstanding: Int64 = 0 }
        var sums: [CurrencyCode: [AgingBucket: Sums]] = [settings.currency: [:]]
        for item in items {
            var bucket = sums[item.receivable.outstanding.currency, default: [:]][item.bucket, default: Sums()]
            bucket.invoices += 1
            bucket.tenants.insert(item.receivable.tenantId)
            bucket.outstanding += item.receivable.outstanding.minor
            sums[item.receivable.outstanding.currency, default: [:]][item.bucket] = bucket
        }
        let agingSheet = try workbook.addSheet(aging)
        let currencies = [settings.currency] + sums.keys.filter { $0 != settings.currency }.sorted()
        for currency in currencies {
            for bucket in AgingBucket.allCases {
                let value = sums[currency]?[bucket]
                if currency != settings.currency && value == nil { continue }
                try agingSheet.append([
                    .text(bucket.rawValue), .text(currency.description), .integer(value?.invoices ?? 0),
                    .integer(value?.tenants.count ?? 0), .money(Money(minor: value?.outstanding ?? 0, currency: currency)),
                ])
            }
        }
        try workbook.addChart(ChartSpec(
            kind: .column, title: "Outstanding by days overdue (\(settings.currency))", sheet: aging.name, firstRow: 0,
            lastRow: AgingBucket.allCases.count - 1, categoryColumn: 0, valueColumns: [4], anchorRow: 1, anchorColumn: 6
        ))
        try workbook.close()
    }
}
