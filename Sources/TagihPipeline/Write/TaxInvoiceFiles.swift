import TagihCore
import TagihIO

/// Rule 16: the month's taxable invoices so far as Coretax e-Faktur import files in
/// `efaktur/`, when the operator has a tax id. Returns their sums for the `PPN` sheet and one
/// warning per tenant whose invoices were left out (a month of invoices without a tax id is
/// one problem, not thirty).
enum TaxInvoiceFiles {
    static func write(_ month: MonthJournal, standing: InvoiceStanding, input: BillingInput, period: Period,
                      folder: String) throws -> (TaxTotals?, [Finding]) {
        guard let seller = TaxInvoices.seller(of: input.settings) else { return (nil, []) }
        let writer = EFakturWriter(folder: folder, period: period, seller: seller, currencies: input.settings.currencies)
        var totals = TaxTotals(currency: TaxInvoices.rupiah)
        var skipped: [String: (reason: TaxInvoices.SkipReason, invoices: [String])] = [:]
        try month.forEachInvoice { issued in
            let invoice = standing.settled(issued)
            switch TaxInvoices.record(for: invoice, tenant: input.tenants[invoice.tenantId], products: input.products,
                                      settings: input.settings, isVoid: invoice.voided) {
            case .record(let record):
                try writer.append(record)
                totals.add(record)
            case .notTaxable:
                break
            case .skipped(let reason):
                skipped[invoice.tenantId, default: (reason, [])].invoices.append(invoice.number)
            }
        }
        try writer.close()
        let findings = skipped.sorted { $0.key < $1.key }.map { tenant, left in
            Finding(input.tenants[tenant]?.location ?? .file("tenants"), value: tenant,
                    .taxInvoicesSkipped(tenant: tenant, invoices: left.invoices, reason: left.reason))
        }
        return (totals, findings)
    }
}
