/// One invoice as a record of Coretax's e-Faktur import (rule 16): what the tax office needs to
/// draft the tax invoice (faktur pajak) it then numbers and the operator signs. Amounts are in
/// the invoice's currency (always IDR) and exact; how they are written is the writer's business.
public struct TaxInvoice: Sendable, Equatable {
    public var date: CivilDate
    public var transaction: TaxTransactionCode
    /// tagih's invoice number, so the faktur can be traced back (Coretax's `RefDesc`).
    public var reference: String
    public var buyer: TaxInvoiceBuyer
    public var items: [TaxInvoiceItem]

    public init(date: CivilDate, transaction: TaxTransactionCode, reference: String, buyer: TaxInvoiceBuyer, items: [TaxInvoiceItem]) {
        self.date = date
        self.transaction = transaction
        self.reference = reference
        self.buyer = buyer
        self.items = items
    }
}

/// Coretax's transaction codes that tagih issues: ordinary supplies, or supplies taxed on
/// another base (DPP Nilai Lain, such as 11/12 of the price since 2025).
public enum TaxTransactionCode: String, Sendable, CaseIterable {
    /// 01: to a buyer who is not a VAT collector, VAT on the full price.
    case ordinary = "01"
    /// 04: DPP Nilai Lain.
    case otherTaxBase = "04"
}

/// Who issues every tax invoice of a file: the operator's NPWP and place of business.
public struct TaxInvoiceSeller: Sendable, Equatable {
    public var tin: TaxIdentity
    public var place: NITKU

    public init(tin: TaxIdentity, place: NITKU) {
        self.tin = tin
        self.place = place
    }
}

/// The buyer as the tax office identifies them.
public struct TaxInvoiceBuyer: Sendable, Equatable {
    public enum Identification: Sendable, Equatable {
        /// A registered taxpayer and the place of business the supply went to.
        case taxpayer(TaxIdentity, place: NITKU)
        /// A resident known by NIK only.
        case nationalID(nik: String)
    }

    public var identification: Identification
    public var name: String
    public var address: String
    public var email: String

    public init(identification: Identification, name: String, address: String, email: String) {
        self.identification = identification
        self.name = name
        self.address = address
        self.email = email
    }
}

/// Goods (Barang) or services (Jasa).
public enum SupplyKind: Sendable, Equatable {
    case goods
    case services
}

/// One taxable line. `price x quantity - discount = taxBase` holds exactly; `otherTaxBase` is
/// `taxBase` times the tax base fraction, rounded; `vat` is the line's part of the invoice's tax.
public struct TaxInvoiceItem: Sendable, Equatable {
    public var kind: SupplyKind
    public var code: GoodsServiceCode
    public var name: String
    public var unit: MeasureUnit
    /// Per unit, before discount, without tax; at most two decimals.
    public var price: ExactDecimal
    public var quantity: Int
    public var discount: Money
    /// DPP.
    public var taxBase: Money
    /// DPP Nilai Lain (equal to `taxBase` when the whole price is taxed).
    public var otherTaxBase: Money
    public var vatRate: Rate
    public var vat: Money

    public init(
        kind: SupplyKind, code: GoodsServiceCode, name: String, unit: MeasureUnit, price: ExactDecimal, quantity: Int,
        discount: Money, taxBase: Money, otherTaxBase: Money, vatRate: Rate, vat: Money
    ) {
        self.kind = kind
        self.code = code
        self.name = name
        self.unit = unit
        self.price = price
        self.quantity = quantity
        self.discount = discount
        self.taxBase = taxBase
        self.otherTaxBase = otherTaxBase
        self.vatRate = vatRate
        self.vat = vat
    }
}
