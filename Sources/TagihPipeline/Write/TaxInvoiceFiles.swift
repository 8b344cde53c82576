import TagihCore
import TagihIO

/// Rule 16: the month's taxable invoices so far as Coretax e-Faktur import files in
/// `efaktur/`, when the operator has a tax id. Returns their sums for the `PPN` sheet and one
/// warning per tenant whose invoices were left out (a month of invoices without a tax id is
/// one problem, not thirty: `SkippedTaxInvoices`).
enum TaxInvoiceFiles {
    static func write(_ month: MonthJournal, standing: InvoiceStanding, input: BillingInput, period: Period,
                      folder: String) throws -> (TaxTotals?, SkippedTaxInvoices) {
        var skipped = SkippedTaxInvoices(tenants: input.tenants)
        guard let seller = TaxInvoices.seller(of: input.settings) else { return (nil, skipped) }
        let writer = EFakturWriter(folder: folder, period: period, seller: seller, currencies: input.settings.currencies)
        var totals = TaxTotals(currency: TaxInvoices.rupiah)
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
        return (totals, skipped)
    }
}

/// The invoices left out of the e-Faktur files, one warning per tenant: each tenant's first
/// three invoices in the order they were issued and a count of the rest, under the reason its
/// first one was left out for. Gathered as they come and kept compact until the warnings are
/// read (a month of 100,000 tenants without a tax id: a list of every invoice took 12 MB,
/// and the warnings as `Finding`s 15 MB more, to the end of the run).
struct SkippedTaxInvoices: FindingList {
    private struct Tenant {
        /// The tenant's place in the directory, or -1 - its place in `unknownIds`.
        let place: Int32
        var count: Int32
        let reason: TaxInvoices.SkipReason
        /// The invoices named, as places in `numbers` (-1: none).
        var named: (Int32, Int32, Int32)
    }

    private let tenants: Directory<TagihCore.Tenant>
    private var entries: [Tenant] = []
    /// A tenant's place in the directory → its entry + 1 (0: none yet).
    private var entryOf: [Int32] = []
    private var unknownIds: [String] = []
    private var unknownEntry: [String: Int32] = [:]
    /// The invoice numbers named, end to end, and where each ends.
    private var numbers: [UInt8] = []
    private var numberEnds: [Int32] = []

    init(tenants: Directory<TagihCore.Tenant>) { self.tenants = tenants }

    var count: Int { entries.count }

    mutating func add(tenant id: String, invoice: String, reason: TaxInvoices.SkipReason) {
        let entry: Int
        if let place = tenants.place(of: id) {
            if entryOf.isEmpty { entryOf = Array(repeating: 0, count: tenants.placeCount) }
            if entryOf[Int(place)] == 0 {
                entries.append(Tenant(place: place, count: 0, reason: reason, named: (-1, -1, -1)))
                entryOf[Int(place)] = Int32(entries.count)
            }
            entry = Int(entryOf[Int(place)]) - 1
        } else if let known = unknownEntry[id] {
            entry = Int(known)
        } else {
            unknownIds.append(id)
            entries.append(Tenant(place: -Int32(unknownIds.count), count: 0, reason: reason, named: (-1, -1, -1)))
            unknownEntry[id] = Int32(entries.count - 1)
            entry = entries.count - 1
        }
        if entries[entry].count < 3 {
            numbers += invoice.utf8
            numberEnds.append(Int32(numbers.count))
            let number = Int32(numberEnds.count - 1)
            switch entries[entry].count {
            case 0: entries[entry].named.0 = number
            case 1: entries[entry].named.1 = number
            default: entries[entry].named.2 = number
            }
        }
        entries[entry].count += 1
    }

    private func number(_ place: Int32) -> String {
        let start = place == 0 ? 0 : Int(numberEnds[Int(place) - 1])
        return String(decoding: numbers[start..<Int(numberEnds[Int(place)])], as: UTF8.self)
    }

    func location(at index: Int) -> SourceLocation {
        let place = entries[index].place
        return place >= 0 ? tenants[place: place].location : .file("tenants")
    }

    func finding(at index: Int) -> Finding {
        let entry = entries[index]
        let id = entry.place >= 0 ? tenants[place: entry.place].id : unknownIds[Int(-entry.place) - 1]
        let named = [entry.named.0, entry.named.1, entry.named.2].filter { $0 >= 0 }.map(number).joined(separator: ", ")
        return Finding(location(at: index), value: id, .taxInvoicesSkipped(tenant: id, named: named, count: Int(entry.count), reason: entry.reason))
    }
}
