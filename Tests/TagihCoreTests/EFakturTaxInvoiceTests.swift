import Testing
@testable import TagihCore

/// Rule 16: issued invoices as Coretax e-Faktur records, with amounts worked out by hand.
@Suite struct EFakturTaxInvoiceTests {
    static let ppn = TaxSettings(rate: Rate(percent: ExactDecimal(units: 12)), base: Fraction(11, 12))
    static let rupiahTable = Currencies()

    static func taxSettings(_ tax: TaxSettings = ppn, operatorTaxId: String = "01.234.567.8-901.000", idtku: NITKU? = nil) -> Settings {
        Settings(operator: Operator(name: "NusaNet", email: "billing@nusanet.example", taxId: operatorTaxId, idtku: idtku),
                 currency: idr, zone: .fixed("Asia/Jakarta", offsetSeconds: 25200), tax: tax)
    }

    static let company = Tenant(id: "T-PT", name: "PT Pembeli Contoh", email: "finance@pembeli.example", address: "Jl. Sudirman 1, Jakarta",
                                taxId: "02.345.678.9-012.000", currency: idr, nitku: try! NITKU.parse("0023456789012000000001").get())
    static let person = Tenant(id: "T-NIK", name: "Budi Contoh", email: "", address: "Jl. Melati 2, Bandung", taxId: "3174061502560010", currency: idr)

    static let products = Directory([
        ("NET", Product(id: "NET", name: "Internet 100 Mbps", price: ExactDecimal(units: 1_000_000), currency: idr,
                        serviceCode: GoodsServiceCode("160103"), unit: .month)),
        ("SEAT", Product(id: "SEAT", name: "StaffHub", price: ExactDecimal(units: 33_333), currency: idr, billing: .perSeat)),
    ])

    /// A line of `quantity x price` for one month.
    static func line(_ product: String, quantity: Int = 1, price: Int64, net: Int64? = nil, taxable: Bool = true, currency: CurrencyCode = idr) -> InvoiceLine {
        InvoiceLine(productId: product, description: products[product]?.displayName ?? product, periodStart: day("2026-11-01"),
                    periodEnd: day("2026-11-30"), quantity: quantity, unitPrice: ExactDecimal(units: price), months: 1,
                    net: Money(minor: net ?? price * Int64(quantity), currency: currency), taxable: taxable)
    }

    /// An invoice whose amounts come from rule 5 itself, as billing makes them.
    static func invoice(_ lines: [InvoiceLine], tenant: String = "T-PT", discount: Int64 = 0, tax: TaxSettings = ppn, number: String = "INV/2026/11/00001",
                        currency: CurrencyCode = idr) -> Invoice {
        let amounts = InvoiceCalculation.amounts(lines: lines, discount: Money(minor: discount, currency: currency), tax: tax,
                                                 currency: rupiahTable(currency)!)
        var invoice = Invoice(tenantId: tenant, source: .subscription, sourceId: "S1", issueDate: day("2026-11-01"), dueDate: day("2026-11-20"),
                              currency: currency, lines: lines, subtotal: amounts.subtotal, discount: amounts.discount, tax: amounts.tax,
                              taxMode: tax.mode, total: amounts.total)
        invoice.number = number
        return invoice
    }

    static func record(_ invoice: Invoice, tenant: Tenant? = company, settings: Settings = taxSettings(), isVoid: Bool = false) -> TaxInvoices.Outcome {
        TaxInvoices.record(for: invoice, tenant: tenant, products: products, settings: settings, isVoid: isVoid)
    }

    static func items(_ outcome: TaxInvoices.Outcome) -> [TaxInvoiceItem] {
        if case .record(let record) = outcome { return record.items }
        Issue.record("no record: \(outcome)")
        return []
    }

    static func rp(_ minor: Int64) -> Money { Money(minor: minor, currency: idr) }

    @Test func elevenTwelfthsOfAMillionIsDPPNilaiLain916667AndVAT110000() {
        let outcome = Self.record(Self.invoice([Self.line("NET", price: 1_000_000)]))
        guard case .record(let record) = outcome else { Issue.record("no record"); return }
        #expect(record.transaction == .otherTaxBase)
        #expect(record.reference == "INV/2026/11/00001")
        #expect(record.date == day("2026-11-01"))
        #expect(record.items == [TaxInvoiceItem(
            kind: .services, code: GoodsServiceCode("160103")!, name: "Internet 100 Mbps", unit: .month,
            price: ExactDecimal(units: 100_000_000, scale: 2), quantity: 1, discount: Self.rp(0), taxBase: Self.rp(1_000_000),
            otherTaxBase: Self.rp(916_667), vatRate: Rate(percent: ExactDecimal(units: 12)), vat: Self.rp(110_000)
        )])
    }

    @Test func aBuyerWithNPWPAndNITKUIsATaxpayerAtThatPlace() {
        guard case .record(let record) = Self.record(Self.invoice([Self.line("NET", price: 1_000_000)])) else { Issue.record("no record"); return }
        #expect(record.buyer.identification == .taxpayer(.npwp("0023456789012000"), place: try! NITKU.parse("0023456789012000000001").get()))
        #expect(record.buyer.name == "PT Pembeli Contoh")
        #expect(record.buyer.address == "Jl. Sudirman 1, Jakarta")
        #expect(record.buyer.email == "finance@pembeli.example")
    }

    @Test func aBuyerWithNPWPButNoNITKUIsInvoicedAtTheHeadOffice() {
        var tenant = Self.company
        tenant.nitku = nil
        guard case .record(let record) = Self.record(Self.invoice([Self.line("NET", price: 1_000_000)]), tenant: tenant) else { Issue.record("no record"); return }
        #expect(record.buyer.identification == .taxpayer(.npwp("0023456789012000"), place: NITKU(headOfficeOf: .npwp("0023456789012000"))))
        #expect(NITKU(headOfficeOf: .npwp("0023456789012000")).digits == "0023456789012000000000")
    }

    @Test func aBuyerWithOnlyANIKIsKnownByNationalID() {
        // 150,000: tax 16,500; DPP Nilai Lain 137,500; 12% of it 16,500.
        let outcome = Self.record(Self.invoice([Self.line("NET", price: 150_000)], tenant: "T-NIK"), tenant: Self.person)
        guard case .record(let record) = outcome else { Issue.record("no record"); return }
        #expect(record.buyer.identification == .nationalID(nik: "3174061502560010"))
        #expect(record.items.map(\.otherTaxBase) == [Self.rp(137_500)])
        #expect(record.items.map(\.vat) == [Self.rp(16_500)])
    }

    @Test func aNIKWithANITKUIsARegisteredIndividual() {
        var person = Self.person
        person.nitku = try! NITKU.parse("3174061502560010000000").get()
        guard case .record(let record) = Self.record(Self.invoice([Self.line("NET", price: 150_000)], tenant: "T-NIK"), tenant: person) else {
            Issue.record("no record"); return
        }
        #expect(record.buyer.identification == .taxpayer(.nik("3174061502560010"), place: try! NITKU.parse("3174061502560010000000").get()))
    }

    @Test func aVoucherOverTwoLinesIsSplitByNetAndTheTaxByLargestRemainder() {
        // 3 seats x 33,333 = 99,999 and 200,000; subtotal 299,999, fixed voucher 10,000.
        // Discount shares: 10,000 x 99,999 / 299,999 = 3,333.32 and 6,666.69: floors 3,333 + 6,666,
        // the missing 1 to the larger remainder: 3,333 and 6,667.
        // DPP 96,666 and 193,333 (sum 289,999); tax 11% of 289,999 = 31,899.89 -> 31,900.
        // DPP Nilai Lain: 96,666 x 11/12 = 88,610.5 -> 88,611; 193,333 x 11/12 = 177,221.92 -> 177,222.
        // VAT exact 12%: 10,633.32 and 21,266.64: floors 10,633 + 21,266 = 31,899, the 1 to the second.
        let invoice = Self.invoice([Self.line("SEAT", quantity: 3, price: 33_333), Self.line("NET", price: 200_000)], discount: 10_000)
        #expect(invoice.tax == Self.rp(31_900))
        let items = Self.items(Self.record(invoice))
        #expect(items.map(\.price) == [ExactDecimal(units: 3_333_300, scale: 2), ExactDecimal(units: 20_000_000, scale: 2)])
        #expect(items.map(\.quantity) == [3, 1])
        #expect(items.map(\.discount) == [Self.rp(3_333), Self.rp(6_667)])
        #expect(items.map(\.taxBase) == [Self.rp(96_666), Self.rp(193_333)])
        #expect(items.map(\.otherTaxBase) == [Self.rp(88_611), Self.rp(177_222)])
        #expect(items.map(\.vat) == [Self.rp(10_633), Self.rp(21_267)])
        #expect(items.map(\.code) == [.generic, GoodsServiceCode("160103")!])
        #expect(items.map(\.unit) == [.other, .month])
    }

    @Test func theInvoicesTaxWinsWhenTheLinesOwnProductRoundsTheOtherWay() {
        // 250: tax 11% = 27.5 -> 28. DPP Nilai Lain 229.17 -> 229, whose 12% is 27.48: the line
        // carries the invoice's 28, the tax the buyer was billed.
        let items = Self.items(Self.record(Self.invoice([Self.line("NET", price: 250)])))
        #expect(items.map(\.otherTaxBase) == [Self.rp(229)])
        #expect(items.map(\.vat) == [Self.rp(28)])
    }

    @Test func inclusivePricesSplitTheTaxFirstAndTheBaseIsWhatIsLeft() {
        // 1,110,000 including 12% of 11/12 (11%): tax 110,000, DPP 1,000,000, DPP Nilai Lain 916,667.
        let inclusive = TaxSettings(rate: Rate(percent: ExactDecimal(units: 12)), mode: .inclusive, base: Fraction(11, 12))
        let invoice = Self.invoice([Self.line("NET", price: 1_110_000)], tax: inclusive)
        #expect(invoice.tax == Self.rp(110_000))
        let items = Self.items(Self.record(invoice, settings: Self.taxSettings(inclusive)))
        #expect(items.map(\.price) == [ExactDecimal(units: 100_000_000, scale: 2)])
        #expect(items.map(\.discount) == [Self.rp(0)])
        #expect(items.map(\.taxBase) == [Self.rp(1_000_000)])
        #expect(items.map(\.otherTaxBase) == [Self.rp(916_667)])
        #expect(items.map(\.vat) == [Self.rp(110_000)])
    }

    @Test func inclusivePricesWithADiscountShowTheDiscountWithoutTax() {
        // 1,110,000 including tax, 111,000 off: gross 999,000, tax 99,000, DPP 900,000; before the
        // discount without tax 1,000,000, so the discount shown is 100,000.
        let inclusive = TaxSettings(rate: Rate(percent: ExactDecimal(units: 12)), mode: .inclusive, base: Fraction(11, 12))
        let invoice = Self.invoice([Self.line("NET", price: 1_110_000)], discount: 111_000, tax: inclusive)
        let items = Self.items(Self.record(invoice, settings: Self.taxSettings(inclusive)))
        #expect(items.map(\.vat) == [Self.rp(99_000)])
        #expect(items.map(\.taxBase) == [Self.rp(900_000)])
        #expect(items.map(\.discount) == [Self.rp(100_000)])
        #expect(items.map(\.price) == [ExactDecimal(units: 100_000_000, scale: 2)])
    }

    @Test func untaxedLinesStayOffTheRecordButShareTheDiscount() {
        // 600,000 taxable + 400,000 untaxed, 100,000 off: the taxable line's share 60,000,
        // DPP 540,000, DPP Nilai Lain 495,000, VAT 59,400 = the invoice's tax.
        let invoice = Self.invoice([Self.line("NET", price: 600_000), Self.line("SEAT", price: 400_000, taxable: false)], discount: 100_000)
        #expect(invoice.tax == Self.rp(59_400))
        let items = Self.items(Self.record(invoice))
        #expect(items.count == 1)
        #expect(items.map(\.discount) == [Self.rp(60_000)])
        #expect(items.map(\.taxBase) == [Self.rp(540_000)])
        #expect(items.map(\.otherTaxBase) == [Self.rp(495_000)])
        #expect(items.map(\.vat) == [Self.rp(59_400)])
    }

    @Test func theWholePriceTaxedIsTransactionCode01WithDPPNilaiLainEqualToDPP() {
        let full = TaxSettings(rate: Rate(percent: ExactDecimal(units: 11)))
        let outcome = Self.record(Self.invoice([Self.line("NET", price: 1_000_000)], tax: full), settings: Self.taxSettings(full))
        guard case .record(let record) = outcome else { Issue.record("no record"); return }
        #expect(record.transaction == .ordinary)
        #expect(record.items.map(\.otherTaxBase) == [Self.rp(1_000_000)])
        #expect(record.items.map(\.vat) == [Self.rp(110_000)])
    }

    @Test func aPriceNotExactPerUnitInTwoDecimalsIsOneUnitOfTheWhole() {
        #expect(TaxInvoices.priceAndQuantity(300_000, units: 3, minorUnits: 0) == (ExactDecimal(units: 10_000_000, scale: 2), 3))
        #expect(TaxInvoices.priceAndQuantity(100_000, units: 3, minorUnits: 0) == (ExactDecimal(units: 10_000_000, scale: 2), 1))
        #expect(TaxInvoices.priceAndQuantity(100, units: 8, minorUnits: 0) == (ExactDecimal(units: 1_250, scale: 2), 8))
        #expect(TaxInvoices.priceAndQuantity(1_001, units: 2, minorUnits: 2) == (ExactDecimal(units: 1_001, scale: 2), 1))
    }

    @Test func expiredVoidUntaxedAndUntaxableInvoicesGetNoRecord() {
        var expired = Self.invoice([Self.line("NET", price: 1_000_000)])
        expired.expired = true
        #expect(Self.record(expired) == .notTaxable)
        #expect(Self.record(Self.invoice([Self.line("NET", price: 1_000_000)]), isVoid: true) == .notTaxable)
        #expect(Self.record(Self.invoice([Self.line("NET", price: 1_000_000, taxable: false)])) == .notTaxable)
        let none = TaxSettings.none
        #expect(Self.record(Self.invoice([Self.line("NET", price: 1_000_000)], tax: none), settings: Self.taxSettings(none)) == .notTaxable)
    }

    @Test func invoicesTheFileCannotCarryAreLeftOutWithTheirReason() {
        let usd = CurrencyCode("USD")!
        #expect(Self.record(Self.invoice([Self.line("NET", price: 1_000, currency: usd)], currency: usd)) == .skipped(.currency(usd)))
        #expect(Self.record(Self.invoice([Self.line("NET", price: 1_000_000)]), tenant: nil) == .skipped(.unknownTenant))
        var anonymous = Self.company
        anonymous.taxId = ""
        #expect(Self.record(Self.invoice([Self.line("NET", price: 1_000_000)]), tenant: anonymous) == .skipped(.buyerWithoutTaxId))
        var homeless = Self.person
        homeless.address = ""
        #expect(Self.record(Self.invoice([Self.line("NET", price: 1_000_000)]), tenant: homeless) == .skipped(.buyerWithoutAddress))
    }

    @Test func aBatchIsInIssueOrderListsTheLeftOutAndNeedsTheOperatorsTaxId() {
        var first = Self.invoice([Self.line("NET", price: 1_000)], number: "INV-2")
        first.issueDate = day("2026-11-02")
        let second = Self.invoice([Self.line("NET", price: 2_000)], tenant: "T-NONE", number: "INV-1")
        let third = Self.invoice([Self.line("NET", price: 3_000)], tenant: "T-NIK", number: "INV-3")
        let tenants = Directory([("T-PT", Self.company), ("T-NIK", Self.person)])
        let batch = TaxInvoices.batch([first, second, third], tenants: tenants, products: Self.products, settings: Self.taxSettings(),
                                      isVoid: { $0.number == "INV-3" })
        #expect(batch?.invoices.map(\.reference) == ["INV-2"])
        #expect(batch?.skipped == [TaxInvoiceSkip(invoice: "INV-1", tenantId: "T-NONE", reason: .unknownTenant)])
        #expect(batch?.seller == TaxInvoiceSeller(tin: .npwp("0012345678901000"), place: NITKU(headOfficeOf: .npwp("0012345678901000"))))
        #expect(TaxInvoices.batch([first], tenants: tenants, products: Self.products, settings: Self.taxSettings(operatorTaxId: "")) == nil)
        let branch = try! NITKU.parse("0012345678901000000002").get()
        #expect(TaxInvoices.seller(of: Self.taxSettings(idtku: branch))?.place == branch)
    }

    /// Many invoices of every shape: the lines always add up to the invoice, and each line's
    /// numbers hold together as Coretax checks them.
    @Test(arguments: [TaxMode.exclusive, .inclusive])
    func linesAlwaysAddUpToTheInvoiceExactly(mode: TaxMode) {
        let tax = TaxSettings(rate: Rate(percent: ExactDecimal(units: 12)), mode: mode, base: Fraction(11, 12))
        let settings = Self.taxSettings(tax)
        var seed: UInt64 = 2026
        func next(_ range: ClosedRange<Int64>) -> Int64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return range.lowerBound + Int64((seed >> 33) % UInt64(range.upperBound - range.lowerBound + 1))
        }
        for _ in 0..<2_000 {
            let lines = (0..<next(1...5)).map { _ in
                let quantity = Int(next(1...12))
                let price = next(0...3) == 0 ? next(1...999) : next(1...5_000_000)
                return Self.line(next(0...1) == 0 ? "NET" : "SEAT", quantity: quantity, price: price, taxable: next(0...4) != 0)
            }
            let subtotal = lines.reduce(Int64(0)) { $0 + $1.net.minor }
            let invoice = Self.invoice(lines, discount: next(0...2) == 0 ? next(0...subtotal) : 0, tax: tax)
            switch Self.record(invoice, settings: settings) {
            case .notTaxable:
                #expect(invoice.tax.isZero || !lines.contains(where: \.taxable))
            case .skipped(let reason):
                Issue.record("skipped: \(reason)")
            case .record(let record):
                #expect(record.items.count == lines.filter(\.taxable).count)
                #expect(record.items.reduce(Int64(0)) { $0 + $1.vat.minor } == invoice.tax.minor)
                for item in record.items {
                    let gross = item.price.fraction * item.quantity
                    #expect(gross - Fraction(Int128(item.discount.minor)) == Fraction(Int128(item.taxBase.minor)))
                    #expect(item.price.significantScale <= 2)
                    #expect(!item.discount.isNegative && !item.taxBase.isNegative && !item.vat.isNegative)
                    #expect(item.otherTaxBase.minor == Int64((Fraction(Int128(item.taxBase.minor)) * Fraction(11, 12)).roundedHalfUp()))
                    // Within a rupiah and a half of its own 12% (the invoice's single rounding spread over lines).
                    let own = Fraction(Int128(item.otherTaxBase.minor)) * Fraction(12, 100)
                    let gap = Fraction(Int128(item.vat.minor)) - own
                    #expect(gap < Fraction(3, 2) && Fraction(-3, 2) < gap, "vat \(item.vat.minor) vs \(own)")
                }
                if mode == .exclusive, lines.allSatisfy(\.taxable) {
                    #expect(record.items.reduce(Int64(0)) { $0 + $1.taxBase.minor } == invoice.subtotal.minor - invoice.discount.minor)
                }
            }
        }
    }
}

@Suite struct EFakturIdentityTests {
    @Test func npwpWithOrWithoutPunctuationAndNIK() throws {
        #expect(try TaxIdentity.parse("01.234.567.8-901.000").get() == .npwp("0012345678901000"))
        #expect(try TaxIdentity.parse("012345678901000").get() == .npwp("0012345678901000"))
        #expect(try TaxIdentity.parse("0012345678901000").get() == .npwp("0012345678901000"))
        #expect(try TaxIdentity.parse("3174061502560010").get() == .nik("3174061502560010"))
        #expect(try TaxIdentity.parse("3174 0615 0256 0010").get() == .nik("3174061502560010"))
    }

    @Test func anythingElseIsRefusedWithWhy() {
        #expect(TaxIdentity.parse("12.345") == .failure(.wrongLength(5)))
        #expect(TaxIdentity.parse("31740615025600101") == .failure(.wrongLength(17)))
        #expect(TaxIdentity.parse("NPWP 01.234") == .failure(.notDigits))
        #expect(TaxIdentity.parse("01/234") == .failure(.notDigits))
        #expect(TaxIdentity.parse("") == .failure(.notDigits))
        #expect(TaxIdentity.parse("00.000.000.0-000.000") == .failure(.allZeros))
        #expect(TaxIdentity.parse("０１２３４５６７８９０１２３４") == .failure(.notDigits))
    }

    @Test func aNITKUHas22DigitsOfItsOwnTaxpayer() throws {
        let place = try NITKU.parse("0012345678901000000001").get()
        #expect(place.taxNumber == "0012345678901000")
        #expect(NITKU.parse("001234567890100000000") == .failure(.wrongLength(21)))
        #expect(NITKU.parse("0012345678901000-00000x") == .failure(.notDigits))
        #expect(NITKU.parse("0099999999999000000000", of: .npwp("0012345678901000")) == .failure(.otherTaxpayer(expected: "0012345678901000")))
        #expect(try NITKU.parse("0012345678901000000001", of: .npwp("0012345678901000")).get() == place)
    }

    @Test func codesAndUnitsFromCoretaxsLists() {
        #expect(GoodsServiceCode("160103")?.digits == "160103")
        #expect(GoodsServiceCode("16010") == nil)
        #expect(GoodsServiceCode("16010a") == nil)
        #expect(GoodsServiceCode.generic.digits == "000000")
        #expect(MeasureUnit("UM.0024") == .month)
        #expect(MeasureUnit("um.0033") == .other)
        #expect(MeasureUnit("UM.0039")?.code == "UM.0039")
        #expect(MeasureUnit("UM.0001")?.code == "UM.0001")
        #expect(MeasureUnit("UM.0040") == nil)
        #expect(MeasureUnit("UM.0000") == nil)
        #expect(MeasureUnit("UM.24") == nil)
        #expect(MeasureUnit("UM-0024") == nil)
    }

    @Test func settlingGivesTheMissingUnitsToTheLargestRemainders() {
        #expect(Apportionment.settle([Fraction(13, 5), Fraction(12, 5)], to: 5) == [3, 2])
        #expect(Apportionment.settle([Fraction(5, 2), Fraction(5, 2)], to: 5) == [3, 2])
        #expect(Apportionment.settle([Fraction(5, 2), Fraction(5, 2)], to: 4) == [2, 2])
        // Far from the exact values, every part moves by the same amount first.
        #expect(Apportionment.settle([Fraction(1), Fraction(2), Fraction(3)], to: 13) == [3, 4, 6])
        // A line of nothing gets no unit while another can take it.
        #expect(Apportionment.settle([Fraction(0), Fraction(7)], to: 8) == [0, 8])
        #expect(Apportionment.proportional(10_000, weights: [99_999, 200_000]) == [3_333, 6_667])
        #expect(Apportionment.proportional(7, weights: [0, 0]) == [0, 0])
        #expect(Apportionment.settle([], to: 0) == [])
    }
}
