/// One voucher asked for on one invoice: applied or not, and why.
public struct VoucherUse: Sendable, Equatable {
    public var invoice: String
    public var tenantId: String
    public var code: String
    public var discount: Money
    /// Nil when applied; otherwise why not.
    public var refusal: VoucherRefusal?
    public var applied: Bool { refusal == nil }

    public init(invoice: String, tenantId: String, code: String, discount: Money, refusal: VoucherRefusal?) {
        self.invoice = invoice
        self.tenantId = tenantId
        self.code = code
        self.discount = discount
        self.refusal = refusal
    }
}

/// Rule 4: percent or fixed off the subtotal (never below zero), within the voucher's dates,
/// for its products, at most `max_redemptions` times across runs, first come by issue date and
/// invoice number. The discount is rounded once; the tax is then worked out on what is left.
public enum VoucherRules {
    /// Applies the vouchers of `invoices`, which must already be numbered, in (issue date,
    /// number) order.
    public static func apply(_ invoices: inout [Invoice], vouchers: [String: Voucher], redemptions: inout [String: Int], settings: Settings) -> [VoucherUse] {
        var uses: [VoucherUse] = []
        let order = invoices.indices.sorted { (invoices[$0].issueDate, invoices[$0].sequence) < (invoices[$1].issueDate, invoices[$1].sequence) }
        for index in order where !invoices[index].voucher.isEmpty {
            var invoice = invoices[index]
            let code = invoice.voucher.uppercased()
            let currency = settings.currency(invoice.currency)
            var use = VoucherUse(invoice: invoice.number, tenantId: invoice.tenantId, code: invoice.voucher, discount: .zero(currency.code), refusal: nil)
            defer { uses.append(use) }
            guard let voucher = vouchers[code] else {
                use.refusal = .unknownCode
                continue
            }
            if let from = voucher.validFrom, invoice.issueDate < from {
                use.refusal = .notYetValid(from: from)
                continue
            }
            if let to = voucher.validTo, invoice.issueDate > to {
                use.refusal = .expired(on: to)
                continue
            }
            let products = Set(invoice.lines.map(\.productId))
            if !voucher.products.isEmpty && products.isDisjoint(with: voucher.products) {
                use.refusal = .notForProduct(product: invoice.lines.first?.productId ?? "", only: voucher.products)
                continue
            }
            if let limit = voucher.maxRedemptions, redemptions[code, default: 0] >= limit {
                use.refusal = .usedUp(limit: limit)
                continue
            }
            let discount: Money
            switch voucher.value {
            case .percent(let rate):
                let exact = invoice.subtotal.fraction(minorUnits: currency.minorUnits) * rate.fraction
                discount = Money(minor: exact.roundedToMinorUnits(currency.minorUnits), currency: currency.code)
            case .fixed(let amount):
                guard amount.currency == currency.code else {
                    use.refusal = .currencyMismatch(voucher: amount.currency, invoice: currency.code)
                    continue
                }
                discount = Money.min(amount, invoice.subtotal)
            }
            let amounts = InvoiceCalculation.amounts(lines: invoice.lines, discount: discount, tax: settings.tax, currency: currency)
            invoice.discount = amounts.discount
            invoice.tax = amounts.tax
            invoice.total = amounts.total
            invoices[index] = invoice
            redemptions[code, default: 0] += 1
            use.discount = discount
        }
        return uses
    }
}
