import TagihCore
import TagihIO

/// Rule 16: the month's taxable invoices so far as Coretax e-Faktur import files in
/// `efaktur/`, when the operator has a tax id. Returns their sums for the `PPN` sheet and one
/// warning per tenant whose invoices were left out (a month of invoices without a tax id is
/// one problem, not thirty: `SkippedTaxInvoices`).
enum TaxInvoiceFiles {
    static func write(_ month: MonthJournal, standing: InvoiceStanding, input: BillingInput, period: Period,
                      folder: String) throws -> (TaxTotals?, [Finding]) {
        guard let seller = TaxInvoices.seller(of: input.settings) else { return (nil, []) }
        let writer = EFakturWriter(folder: folder, period: period, seller: seller, currencies: input.settings.currencies)
        var totals = TaxTotals(currency: TaxInvoices.rupiah)
        var skipped = SkippedTaxInvoices(tenants: input.tenants)
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
                skipped.add(tenant: invoice.tenantId, invoice: invoice.number, reason: reason)
            }
        }
        try writer.close()
        return (totals, skipped.findings())
    }
}

/// The invoices left out of the e-Faktur files, gathered into one warning per tenant: each
/// tenant's first three invoices in the order they were issued and a count of the rest,
/// under the reason its first one was left out for. Gathered as they come, by the tenant's
/// place in the directory: a list of every invoice left out took 12 MB at 100,000 tenants
/// without a tax id.
struct SkippedTaxInvoices {
    struct Tenant {
        var named: String
        var count: Int
        let reason: TaxInvoices.SkipReason
    }

    private let tenants: Directory<TagihCore.Tenant>
    private var byPlace: [Tenant?] = []
    /// Invoices of tenants the directory does not have, in the order first met.
    private var unknown: [String: Tenant] = [:]
    private var unknownOrder: [String] = []

    init(tenants: Directory<TagihCore.Tenant>) { self.tenants = tenants }

    mutating func add(tenant id: String, invoice: String, reason: TaxInvoices.SkipReason) {
        if let place = tenants.place(of: id) {
            if byPlace.isEmpty { byPlace = Array(repeating: nil, count: tenants.placeCount) }
            Self.add(&byPlace[Int(place)], invoice: invoice, reason: reason)
        } else {
            if unknown[id] == nil { unknownOrder.append(id) }
            Self.add(&unknown[id], invoice: invoice, reason: reason)
        }
    }

    private static func add(_ entry: inout Tenant?, invoice: String, reason: TaxInvoices.SkipReason) {
        guard entry != nil else {
            entry = Tenant(named: invoice, count: 1, reason: reason)
            return
        }
        if entry!.count < 3 { entry!.named += ", " + invoice }
        entry!.count += 1
    }

    /// One finding per tenant, in the directory's order, then the unknown tenants'.
    func findings() -> [Finding] {
        var findings: [Finding] = []
        findings.reserveCapacity(byPlace.count { $0 != nil } + unknown.count)
        for (place, entry) in byPlace.enumerated() {
            guard let entry else { continue }
            let tenant = tenants[place: Int32(place)]
            findings.append(Finding(tenant.location, value: tenant.id,
                                    .taxInvoicesSkipped(tenant: tenant.id, named: entry.named, count: entry.count, reason: entry.reason)))
        }
        for id in unknownOrder {
            let entry = unknown[id]!
            findings.append(Finding(.file("tenants"), value: id, .taxInvoicesSkipped(tenant: id, named: entry.named, count: entry.count, reason: entry.reason)))
        }
        return findings
    }
}
