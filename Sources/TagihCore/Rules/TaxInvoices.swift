/// Rule 16: every taxable invoice issued (not expired, not void) of an operator with a
/// `tax_id` becomes a record of Coretax's e-Faktur import.
///
/// The invoice's own amounts are the truth the buyer received; the record only splits them
/// over the taxable lines, exactly:
/// - the invoice's discount is split over all its lines in proportion to their nets (largest
///   remainder, whole minor units), as rule 5 spreads it when it works out the tax base; the
///   non-taxable lines' parts stay off the record;
/// - the invoice's tax (rounded once by rule 5) is split over the taxable lines in proportion
///   to the VAT each would carry on its own (`rate x DPP Nilai Lain`; inclusive prices:
///   `gross x rate / (1 + rate)`), by largest remainder, so the lines add up to it exactly and
///   each is within a unit or so of its own product;
/// - DPP Nilai Lain is `DPP x tax.base`, rounded half-up per line, as DJP's template says.
public enum TaxInvoices {
    /// Why an invoice that carries tax gets no record: each needs the operator or accountant.
    public enum SkipReason: Sendable, Equatable {
        /// Coretax takes rupiah only; a foreign-currency invoice needs the official rate.
        case currency(CurrencyCode)
        case unknownTenant
        /// The tenant has no `tax_id`: Coretax needs the buyer's NPWP or NIK.
        case buyerWithoutTaxId
        /// A buyer known by NIK only needs an address on the faktur.
        case buyerWithoutAddress
        /// A taxable line below zero, which a faktur cannot carry.
        case negativeLine
    }

    public enum Outcome: Sendable, Equatable {
        case record(TaxInvoice)
        /// Expired, void, or without tax: no faktur is due.
        case notTaxable
        case skipped(SkipReason)
    }

    /// The seller of every record, or nil when the operator has no `tax_id` (rule 16 is off).
    public static func seller(of settings: Settings) -> TaxInvoiceSeller? {
        guard let identity = settings.operator.taxIdentity else { return nil }
        return TaxInvoiceSeller(tin: identity, place: settings.operator.idtku ?? NITKU(headOfficeOf: identity))
    }

    /// The record of one issued invoice. `tenant` is the invoice's; `isVoid` says whether a
    /// void adjustment took it back.
    public static func record(
        for invoice: Invoice, tenant: Tenant?, products: Directory<Product>, settings: Settings, isVoid: Bool = false
    ) -> Outcome {
        let tax = settings.tax
        guard !invoice.expired, !isVoid, !tax.rate.isZero, invoice.tax.isPositive,
              invoice.lines.contains(where: \.taxable) else { return .notTaxable }
        guard invoice.currency == rupiah, let currency = settings.currencies(invoice.currency),
              currency.minorUnits <= 2 else { return .skipped(.currency(invoice.currency)) }
        guard let tenant else { return .skipped(.unknownTenant) }
        guard let identity = tenant.taxIdentity else { return .skipped(.buyerWithoutTaxId) }
        let identification: TaxInvoiceBuyer.Identification
        switch (identity, tenant.nitku) {
        case (.nik(let nik), .none):
            guard !tenant.address.isEmpty else { return .skipped(.buyerWithoutAddress) }
            identification = .nationalID(nik: nik)
        case (_, let place):
            identification = .taxpayer(identity, place: place ?? NITKU(headOfficeOf: identity))
        }
        guard !invoice.lines.contains(where: { $0.taxable && $0.net.isNegative }) else { return .skipped(.negativeLine) }

        let items = self.items(of: invoice, products: products, tax: tax, currency: currency)
        let buyer = TaxInvoiceBuyer(identification: identification, name: tenant.name, address: tenant.address, email: tenant.email)
        let code: TaxTransactionCode = tax.base == Fraction(1) ? .ordinary : .otherTaxBase
        return .record(TaxInvoice(date: invoice.issueDate, transaction: code, reference: invoice.number, buyer: buyer, items: items))
    }

    /// The records of `invoices` in (issue date, number) order, and the invoices left out for
    /// the accountant; nil when the operator has no `tax_id`.
    public static func batch(
        _ invoices: [Invoice], tenants: Directory<Tenant>, products: Directory<Product>, settings: Settings,
        isVoid: (Invoice) -> Bool = { _ in false }
    ) -> TaxInvoiceBatch? {
        guard let seller = seller(of: settings) else { return nil }
        var batch = TaxInvoiceBatch(seller: seller)
        let order = invoices.indices.sorted {
            (invoices[$0].issueDate, invoices[$0].sequence, invoices[$0].number) < (invoices[$1].issueDate, invoices[$1].sequence, invoices[$1].number)
        }
        for index in order {
            let invoice = invoices[index]
            switch record(for: invoice, tenant: tenants[invoice.tenantId], products: products, settings: settings, isVoid: isVoid(invoice)) {
            case .record(let record): batch.invoices.append(record)
            case .notTaxable: break
            case .skipped(let reason): batch.skipped.append(TaxInvoiceSkip(invoice: invoice.number, tenantId: invoice.tenantId, reason: reason))
            }
        }
        return batch
    }

    // MARK: amounts

    private static func items(of invoice: Invoice, products: Directory<Product>, tax: TaxSettings, currency: Currency) -> [TaxInvoiceItem] {
        let lines = invoice.lines.filter(\.taxable)
        let discounts = zip(invoice.lines, Apportionment.proportional(invoice.discount.minor, weights: invoice.lines.map(\.net.minor)))
            .filter { $0.0.taxable }.map(\.1)
        let nets = lines.map(\.net.minor)
        let rate = tax.rate.fraction
        let effective = tax.effectiveRate

        var bases: [Int64]
        var otherBases: [Int64]
        var vats: [Int64]
        switch invoice.taxMode {
        case .exclusive:
            bases = zip(nets, discounts).map { $0 - $1 }
            otherBases = bases.map { otherBase($0, tax.base) }
            vats = Apportionment.settle(otherBases.map { Fraction(Int128($0)) * rate }, to: invoice.tax.minor)
        case .inclusive:
            // The gross holds the tax: the tax is split first and the base is what is left.
            let gross = zip(nets, discounts).map { $0 - $1 }
            vats = Apportionment.settle(gross.map { Fraction(Int128($0)) * effective / (Fraction(1) + effective) }, to: invoice.tax.minor)
            bases = zip(gross, vats).map { $0 - $1 }
            otherBases = bases.map { otherBase($0, tax.base) }
        }

        var items: [TaxInvoiceItem] = []
        items.reserveCapacity(lines.count)
        for (index, line) in lines.enumerated() {
            // Before discount, without tax; the discount is whatever takes that to the base.
            var before = nets[index]
            if invoice.taxMode == .inclusive {
                before = discounts[index] == 0
                    ? bases[index]
                    : max(bases[index], (Fraction(Int128(nets[index])) / (Fraction(1) + effective)).roundedHalfUp().int64)
            }
            let (price, quantity) = priceAndQuantity(before, units: line.quantity * line.months, minorUnits: currency.minorUnits)
            let product = products[line.productId]
            let money = { (minor: Int64) in Money(minor: minor, currency: invoice.currency) }
            items.append(TaxInvoiceItem(
                kind: .services, code: product?.serviceCode ?? .generic,
                name: line.description.isEmpty ? (product?.displayName ?? line.productId) : line.description,
                unit: product?.unit ?? .other, price: price, quantity: quantity, discount: money(before - bases[index]),
                taxBase: money(bases[index]), otherTaxBase: money(otherBases[index]), vatRate: tax.rate, vat: money(vats[index])
            ))
        }
        return items
    }

    /// DPP Nilai Lain of a line: its base times `tax.base`, rounded half-up to minor units.
    private static func otherBase(_ base: Int64, _ fraction: Fraction) -> Int64 {
        (Fraction(Int128(base)) * fraction).roundedHalfUp().int64
    }

    /// The line's units (seats x months) at a price per unit-month when that price is exact in
    /// two decimals (Coretax's limit), as for every whole term; otherwise one unit at the whole
    /// amount (a prorated line, an inclusive price), so `price x quantity` is always exact.
    static func priceAndQuantity(_ amount: Int64, units: Int, minorUnits: Int) -> (ExactDecimal, Int) {
        let hundredths = amount * pow10(2 - minorUnits)
        if units > 0, hundredths % Int64(units) == 0 {
            return (ExactDecimal(units: hundredths / Int64(units), scale: 2), units)
        }
        return (ExactDecimal(units: hundredths, scale: 2), 1)
    }

    public static let rupiah = CurrencyCode(packed: 0x49_44_52)
}

/// A month's records and the taxable invoices left out, each with why.
public struct TaxInvoiceBatch: Sendable {
    public var seller: TaxInvoiceSeller
    public var invoices: [TaxInvoice] = []
    public var skipped: [TaxInvoiceSkip] = []

    public init(seller: TaxInvoiceSeller) { self.seller = seller }
}

public struct TaxInvoiceSkip: Sendable, Equatable {
    public var invoice: String
    public var tenantId: String
    public var reason: TaxInvoices.SkipReason

    public init(invoice: String, tenantId: String, reason: TaxInvoices.SkipReason) {
        self.invoice = invoice
        self.tenantId = tenantId
        self.reason = reason
    }
}

private extension Int128 {
    var int64: Int64 { Int64(self) }
}
