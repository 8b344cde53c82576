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
        // One (tenant, invoice) pair per invoice left out, grouped by tenant at the end: a
        // dictionary of lists per tenant cost 36 MB for 100,000 tenants without a tax id.
        var skipped: [(tenant: String, invoice: String, reason: TaxInvoices.SkipReason)] = []
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
                skipped.append((invoice.tenantId, invoice.number, reason))
            }
        }
        try writer.close()
        return (totals, findings(for: skipped, tenants: input.tenants))
    }

    /// One warning per tenant with invoices left out: by tenant, each tenant's invoices in
    /// the order they were issued, under the reason its first one was left out for.
    static func findings(for skipped: [(tenant: String, invoice: String, reason: TaxInvoices.SkipReason)],
                         tenants: Directory<Tenant>) -> [Finding] {
        let order = skipped.indices.sorted { (skipped[$0].tenant, $0) < (skipped[$1].tenant, $1) }
        var findings: [Finding] = []
        // One per tenant, counted first: grown by doubling, the list would be up to twice its size.
        findings.reserveCapacity(order.indices.count { $0 == 0 || skipped[order[$0]].tenant != skipped[order[$0 - 1]].tenant })
        var at = order.startIndex
        while at < order.endIndex {
            let first = skipped[order[at]]
            var named = first.invoice, count = 0
            while at < order.endIndex, skipped[order[at]].tenant == first.tenant {
                if count > 0 && count < 3 { named += ", " + skipped[order[at]].invoice }
                count += 1
                at += 1
            }
            findings.append(Finding(tenants[first.tenant]?.location ?? .file("tenants"), value: first.tenant,
                                    .taxInvoicesSkipped(tenant: first.tenant, named: named, count: count, reason: first.reason)))
        }
        return findings
    }
}
