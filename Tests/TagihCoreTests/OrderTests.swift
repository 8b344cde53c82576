import Testing
@testable import TagihCore

/// Rules 3 and 4 with hand-worked values: orders, proration, payment codes' life, vouchers.
@Suite struct OrderTests {
    let rupiah = currencies(idr)!
    let seat = Product(id: "SEAT", name: "StaffHub", price: ExactDecimal(units: 15_000), currency: idr, billing: .perSeat, terms: [1, 12])
    let school = Tenant(id: "SCH", name: "SD Tunas", email: "a@b.example", currency: idr, activeSeats: 28)

    func input(orders: [Order] = [], vouchers: [String: Voucher] = [:]) -> BillingInput {
        BillingInput(settings: settings(), tenants: ["SCH": school], products: ["SEAT": seat], subscriptions: [], orders: orders, vouchers: vouchers)
    }

    func at(_ text: String) -> Instant { try! ParsedTimestamp.parse(text).get().resolve(in: settings().zone) }

    @Test func addedSeatsArePricedForTheDaysLeftRoundedOnce() {
        // 15,000 x 5 seats x 12 months x 349/365 days = 860,547.95 -> 860,548.
        #expect(Pricing.proratedNet(price: ExactDecimal(units: 15_000), units: 5, months: 12, days: 349, daysInTerm: 365, currency: rupiah).minor == 860_548)
        // A leap-year term has 366 days: from 1 March 2028, 320 are left of a term ending
        // 15 January 2029. 900,000 x 320/366 = 786,885.25 -> 786,885.
        let start = day("2028-01-15"), end = day("2029-01-15"), order = day("2028-03-01")
        #expect(end.days(since: start) == 366)
        #expect(end.days(since: order) == 320)
        #expect(Pricing.proratedNet(price: ExactDecimal(units: 15_000), units: 5, months: 12, days: 320, daysInTerm: 366, currency: rupiah).minor == 786_885)
        // Exactly half a rupiah rounds up: 3 x 1/2 = 1.5 -> 2.
        #expect(Pricing.proratedNet(price: ExactDecimal(units: 3), units: 1, months: 1, days: 1, daysInTerm: 2, currency: rupiah).minor == 2)
    }

    func pay(_ id: String, _ amount: Int64, at time: String, reference: String) -> Payment {
        Payment(id: id, status: .paid, paidAt: at(time), amount: Money(minor: amount, currency: idr), reference: reference,
                source: SourceLocation(file: "p.csv", line: 2, column: 1))
    }

    @Test func newRenewAndAddQuotaOrders() {
        let orders = [
            Order(id: "O1", tenantId: "SCH", productId: "SEAT", type: .new, createdAt: at("2026-11-04 09:30:00"), quantity: 25),
            Order(id: "O2", tenantId: "SCH", productId: "SEAT", type: .addQuota, createdAt: at("2026-11-20 10:00:00"), quantity: 5, subscriptionId: "O1"),
            Order(id: "O3", tenantId: "SCH", productId: "SEAT", type: .renew, createdAt: at("2026-11-28 08:00:00"), quantity: 1, termMonths: 12, subscriptionId: "O1"),
        ]
        // Each order is paid ten minutes after it was placed, with its order id as the reference.
        let payments = [pay("P1", 5_594_400, at: "2026-11-04 09:40:00", reference: "O1"), pay("P2", 955_208, at: "2026-11-20 10:10:00", reference: "O2"),
                        pay("P3", 5_594_400, at: "2026-11-28 08:10:00", reference: "O3")]
        let run = TestRun(input(orders: orders), state: BillingState(nextSequence: 7), from: "2026-11-01", to: "2026-11-30", payments: payments)
        let issued = run.issued
        #expect(issued.map(\.sourceId) == ["O1", "O2", "O3"])
        #expect(issued.map(\.number) == ["INV/2026/11/00007", "INV/2026/11/00008", "INV/2026/11/00009"])
        // New: 28 seats (the school's active staff, more than the 25 ordered) x 15,000 x 12.
        #expect(issued[0].lines[0].quantity == 28)
        #expect(issued[0].subtotal.minor == 5_040_000)
        #expect(issued[0].dueDate == day("2026-11-04"))
        #expect(issued[0].order?.paymentCode == "PC-O1")
        #expect(issued[0].order?.expiresAt == at("2026-11-04 10:30:00"))
        // Add quota: 5 seats for 349 of 365 days.
        #expect(issued[1].subtotal.minor == 860_548)
        #expect(issued[1].lines[0].prorata?.days == 349)
        // Renew from the current end, 4 November 2027, for max(quantity, 28 active staff) = 28
        // seats (rule 2), not the 33 the term had after the added seats.
        #expect(issued[2].lines[0].periodStart == day("2027-11-04"))
        #expect(issued[2].lines[0].quantity == 28)
        #expect(issued[2].subtotal.minor == 28 * 15_000 * 12)
        #expect(run.next.prepaid == [PrepaidSubscription(id: "O1", tenantId: "SCH", productId: "SEAT", seats: 28,
                                                         termStart: day("2027-11-04"), termEnd: day("2028-11-04"), termMonths: 12)])
        // All three paid in time: a receipt each, nothing expired, nothing pending.
        #expect(run.journal.paidOrders.map(\.order.orderId) == ["O1", "O2", "O3"])
        #expect(run.journal.expiredOrders.isEmpty && run.next.pendingOrders.isEmpty)
    }

    @Test func addQuotaOnARecurringSubscriptionUsesItsCurrentTerm() {
        let yearly = Subscription(id: "S", tenantId: "SCH", productId: "SEAT", start: day("2025-11-10"), quantity: 150, termMonths: 12)
        let term = OrderBilling.currentTerm("S", on: day("2026-11-25"), prepaid: [:], recurring: { ["S": yearly][$0] })
        #expect(term?.start == day("2026-11-10"))
        #expect(term?.end == day("2027-11-10"))
        #expect(OrderBilling.currentTerm("S", on: day("2026-11-09"), prepaid: [:], recurring: { ["S": yearly][$0] })?.start == day("2025-11-10"))
    }

    @Test func aPaymentExactlyAtTheEndOfTheCodesLifeCountsOneSecondLaterItDoesNot() {
        let expiry = at("2026-11-04 10:30:00")
        let receivable = Receivable(number: "INV/1", tenantId: "SCH", source: .order, sourceId: "O1", issueDate: day("2026-11-04"),
                                    dueDate: day("2026-11-04"), total: Money(minor: 5_594_400, currency: idr),
                                    outstanding: Money(minor: 5_594_400, currency: idr), expiresAt: expiry, createdAt: at("2026-11-04 09:30:00"))
        func pay(_ when: Instant) -> PaymentEffect {
            var ledger = Ledger(receivables: [receivable], credits: [], tenants: known(["SCH"]), zone: settings().zone)
            let payment = Payment(id: "P", status: .paid, paidAt: when, amount: Money(minor: 5_594_400, currency: idr), reference: "INV/1",
                                  source: SourceLocation(file: "p.csv", line: 2, column: 1))
            return ledger.apply(payment, previous: nil)
        }
        #expect(pay(expiry).outcome == .applied)
        let late = pay(expiry.adding(seconds: 1))
        #expect(late.outcome == .credited)
        #expect(late.toCredit.minor == 5_594_400)
        #expect(late.order == "O1")
        #expect(late.orderLapsedAt?.description == "2026-11-04T03:30:00Z")
    }

    @Test func anOrderLeftUnpaidExpiresAndWhatItDidIsUndone() {
        let order = Order(id: "O1", tenantId: "SCH", productId: "SEAT", type: .new, createdAt: at("2026-11-04 09:30:00"), quantity: 25)
        let pending = Order(id: "O2", tenantId: "SCH", productId: "SEAT", type: .new, createdAt: at("2026-11-30 23:40:00"), quantity: 25, termMonths: 1)
        // Half paid before the code lapsed: that half becomes credit when it expires.
        let payment = Payment(id: "P", status: .paid, paidAt: at("2026-11-04 10:00:00"), amount: Money(minor: 1_000_000, currency: idr),
                              reference: "PC-O1", source: SourceLocation(file: "p.csv", line: 2, column: 1))
        let run = TestRun(input(orders: [order, pending]), state: BillingState(nextSequence: 1), from: "2026-11-01", to: "2026-11-30", payments: [payment])
        #expect(run.effect("P")?.invoice == "INV/2026/11/00001")
        #expect(run.journal.expiredOrders.map(\.order.orderId) == ["O1"])
        #expect(run.journal.expiredOrders[0].movedToCredit.minor == 1_000_000)
        // The credit then pays O2's invoice when O2 is placed on the 30th: 25 of 28 seats x 15,000, plus tax.
        let o2 = run.issued[1]
        #expect(o2.total.minor == 466_200)
        #expect(run.receivable(o2.number)?.outstanding.minor == 0)
        #expect(run.next.credits == [Credit(tenantId: "SCH", amount: Money(minor: 1_000_000 - 466_200, currency: idr))])
        #expect(run.receivable("INV/2026/11/00001") == nil)
        #expect(Aging.overdue(run.next.receivables, asOf: day("2026-11-30"), ladder: []).isEmpty)
        // Paid off by the credit at once: O2 gets a receipt and is no longer pending.
        #expect(run.journal.paidOrders.map(\.order.orderId) == ["O2"])
        #expect(run.next.pendingOrders.isEmpty)
        #expect(run.next.prepaid.map(\.id) == ["O2"])
    }

    /// Found by the bench's month run daily: a later run forgot the id and code of an order
    /// paid in an earlier one, so a payment naming it went to the payer's own invoices.
    @Test func aPaidOrdersIdAndCodeNameItsInvoiceInLaterRunsAsInOneRun() {
        let other = Tenant(id: "OTH", name: "SD Lain", email: "c@d.example", currency: idr, activeSeats: 5)
        let order = Order(id: "O1", tenantId: "SCH", productId: "SEAT", type: .new, createdAt: at("2026-11-04 09:30:00"), quantity: 25)
        func both(_ orders: [Order]) -> BillingInput {
            BillingInput(settings: settings(), tenants: ["SCH": school, "OTH": other], products: ["SEAT": seat], subscriptions: [], orders: orders, vouchers: [:])
        }
        func pay(_ id: String, _ when: String, reference: String, tenant: String = "") -> Payment {
            Payment(id: id, status: .paid, paidAt: at(when), amount: Money(minor: 10_000_000, currency: idr), reference: reference,
                    tenantId: tenant, source: SourceLocation(file: "p.csv", line: 2, column: 1))
        }
        let payments = [pay("P1", "2026-11-04 09:40:00", reference: "PC-O1"), pay("P2", "2026-11-05 08:00:00", reference: "O1", tenant: "OTH"),
                        pay("P3", "2026-11-05 09:00:00", reference: "pc-o1", tenant: "OTH")]
        let month = TestRun(both([order]), state: BillingState(nextSequence: 1), from: "2026-11-01", to: "2026-11-05", payments: payments)
        let first = TestRun(both([order]), state: BillingState(nextSequence: 1), from: "2026-11-01", to: "2026-11-04", payments: [payments[0]])
        // The order was handled by the first run: the second run's input leaves it out, as a run does.
        let second = TestRun(both([]), state: first.next, from: "2026-11-05", to: "2026-11-05", payments: Array(payments[1...]))
        #expect(first.effect("P1")?.invoice == "INV/2026/11/00001")
        for id in ["P2", "P3"] {
            for run in [month, second] {
                let effect = run.effect(id)
                // The order is paid: the whole payment is the order's tenant's credit, not the payer's.
                #expect(effect?.route == .reference)
                #expect(effect?.tenantId == "SCH")
                #expect(effect?.invoice == "INV/2026/11/00001")
                #expect(effect?.toCredit.minor == 10_000_000)
            }
        }
        #expect(month.next.credits == second.next.credits)
        #expect(!second.next.credits.contains { $0.tenantId == "OTH" })
    }

    @Test func anOrderWhoseCodeOutlivesTheRunIsCarriedAndItsVoucherReleasedWhenItLapses() {
        let vouchers = ["TEN": Voucher(code: "TEN", value: .percent(Rate(percent: ExactDecimal(units: 10))), maxRedemptions: 1)]
        let order = Order(id: "O2", tenantId: "SCH", productId: "SEAT", type: .new, createdAt: at("2026-11-30 23:40:00"), quantity: 25,
                          termMonths: 1, voucher: "TEN")
        let november = TestRun(input(orders: [order], vouchers: vouchers), state: BillingState(nextSequence: 1), from: "2026-11-01", to: "2026-11-30")
        // The code lives until 00:40 on 1 December: still pending, carried to the next run.
        #expect(november.next.pendingOrders.map(\.orderId) == ["O2"])
        #expect(november.next.pendingOrders[0].voucher == "TEN")
        #expect(november.next.voucherRedemptions == ["TEN": 1])
        let december = TestRun(input(vouchers: vouchers), state: november.next, from: "2026-12-01", to: "2026-12-01")
        #expect(december.journal.expiredOrders.map(\.order.orderId) == ["O2"])
        // Lapsed unpaid: its subscription is undone and the voucher can be redeemed again.
        #expect(december.next.prepaid.isEmpty)
        #expect(december.next.voucherRedemptions.isEmpty)
    }
}

@Suite struct VoucherTests {
    let rupiah = currencies(idr)!

    func invoice(_ number: String, subtotal: Int64, voucher: String, issued: String = "2026-11-10", product: String = "P") -> Invoice {
        let line = InvoiceLine(productId: product, description: "", periodStart: day(issued), periodEnd: day(issued), quantity: 1,
                               unitPrice: ExactDecimal(units: subtotal), months: 1, net: Money(minor: subtotal, currency: idr), taxable: true)
        let amounts = InvoiceCalculation.amounts(lines: [line], discount: .zero(idr), tax: settings().tax, currency: rupiah)
        var invoice = Invoice(tenantId: "T", source: .subscription, sourceId: number, issueDate: day(issued), dueDate: day(issued), currency: idr,
                              lines: [line], voucher: voucher, subtotal: amounts.subtotal, discount: amounts.discount, tax: amounts.tax,
                              taxMode: .exclusive, total: amounts.total)
        invoice.number = number
        invoice.sequence = Int(number.filter(\.isNumber)) ?? 0
        return invoice
    }

    let vouchers: [String: Voucher] = [
        "TEN": Voucher(code: "TEN", value: .percent(Rate(percent: ExactDecimal(units: 10))), validFrom: day("2026-11-01"), validTo: day("2026-11-30"), maxRedemptions: 2),
        "BIG": Voucher(code: "BIG", value: .fixed(Money(minor: 500_000, currency: idr))),
        "ONLYQ": Voucher(code: "ONLYQ", value: .percent(Rate(percent: ExactDecimal(units: 50))), products: ["Q"]),
    ]

    @Test func percentDiscountRoundsHalfUpAndTaxFollowsTheDiscountedSubtotal() {
        // 10% of 250,005 is 25,000.5 -> 25,001; tax 11% of 225,004 = 24,750.44 -> 24,750.
        var invoices = [invoice("A", subtotal: 250_005, voucher: "ten")]
        var redemptions: [String: Int] = [:]
        let uses = VoucherRules.apply(&invoices, vouchers: vouchers, redemptions: &redemptions, settings: settings())
        #expect(uses.map(\.applied) == [true])
        #expect(invoices[0].discount.minor == 25_001)
        #expect(invoices[0].tax.minor == 24_750)
        #expect(invoices[0].total.minor == 249_754)
        #expect(redemptions == ["TEN": 1])
    }

    @Test func aFixedDiscountNeverGoesBelowZero() {
        var invoices = [invoice("A", subtotal: 300_000, voucher: "BIG")]
        var redemptions: [String: Int] = [:]
        _ = VoucherRules.apply(&invoices, vouchers: vouchers, redemptions: &redemptions, settings: settings())
        #expect(invoices[0].discount.minor == 300_000)
        #expect(invoices[0].total.minor == 0)
    }

    @Test func reasonsAndFirstComeFirstServedAcrossRuns() {
        var invoices = [
            invoice("INV-3", subtotal: 100_000, voucher: "TEN", issued: "2026-11-20"),
            invoice("INV-1", subtotal: 100_000, voucher: "TEN", issued: "2026-11-05"),
            invoice("INV-2", subtotal: 100_000, voucher: "TEN", issued: "2026-11-05"),
            invoice("INV-4", subtotal: 100_000, voucher: "TEN", issued: "2026-12-01"),
            invoice("INV-5", subtotal: 100_000, voucher: "NOPE"),
            invoice("INV-6", subtotal: 100_000, voucher: "ONLYQ"),
        ]
        // One redemption of TEN was counted by an earlier run: only one is left.
        var redemptions = ["TEN": 1]
        let uses = VoucherRules.apply(&invoices, vouchers: vouchers, redemptions: &redemptions, settings: settings())
        let reasons = Dictionary(uniqueKeysWithValues: uses.map { ($0.invoice, $0.refusal.map(MessageCatalog().text) ?? "") })
        #expect(reasons["INV-1"] == "")
        #expect(reasons["INV-2"] == "used up: redeemed 2 times already")
        #expect(reasons["INV-3"] == "used up: redeemed 2 times already")
        #expect(reasons["INV-4"] == "expired on 2026-11-30")
        #expect(reasons["INV-5"] == "unknown voucher code")
        #expect(reasons["INV-6"] == "not for P (only Q)")
        #expect(redemptions == ["TEN": 2])
    }
}

@Suite struct TextTests {
    @Test func indonesianAndEnglishAmounts() {
        #expect(MoneyText.format(Money(minor: 1_500_000, currency: idr), minorUnits: 0, language: .id) == "Rp 1.500.000")
        #expect(MoneyText.format(Money(minor: 1_500_000, currency: idr), minorUnits: 0, language: .en) == "IDR 1,500,000")
        #expect(MoneyText.format(Money(minor: 5539, currency: CurrencyCode("USD")!), minorUnits: 2, language: .en) == "USD 55.39")
        #expect(MoneyText.format(Money(minor: 5539, currency: CurrencyCode("USD")!), minorUnits: 2, language: .id) == "USD 55,39")
        #expect(MoneyText.format(Money(minor: -900, currency: idr), minorUnits: 0, language: .id) == "-Rp 900")
        #expect(DateText.format(day("2026-12-05"), language: .id) == "5 Desember 2026")
        #expect(DateText.format(day("2026-12-05"), language: .en) == "5 December 2026")
    }

    @Test("terbilang", arguments: [
        (UInt64(0), "nol"), (1, "satu"), (10, "sepuluh"), (11, "sebelas"), (12, "dua belas"), (21, "dua puluh satu"),
        (100, "seratus"), (111, "seratus sebelas"), (250, "dua ratus lima puluh"), (1_000, "seribu"), (1_100, "seribu seratus"),
        (2_019, "dua ribu sembilan belas"), (1_500_000, "satu juta lima ratus ribu"),
        (8_991_000, "delapan juta sembilan ratus sembilan puluh satu ribu"), (1_000_000_000, "satu miliar"),
    ] as [(UInt64, String)])
    func terbilang(value: UInt64, words: String) {
        #expect(Terbilang.words(value) == words)
    }

    @Test func terbilangWithCurrency() {
        #expect(Terbilang.amount(Money(minor: 1_500_000, currency: idr), minorUnits: 0) == "satu juta lima ratus ribu rupiah")
        #expect(Terbilang.amount(Money(minor: 5539, currency: CurrencyCode("USD")!), minorUnits: 2) == "lima puluh lima dolar AS tiga puluh sembilan sen")
    }

    @Test("phone numbers for WhatsApp", arguments: [
        ("0812-3456-789", "628123456789"), ("+62 812-3456-789", "628123456789"), ("62 812 3456 789", "628123456789"),
        ("(022) 7301234", "62227301234"), ("0062 812 3456 789", "628123456789"), ("+1 415 555 0100", "14155550100"),
    ] as [(String, String)])
    func phones(text: String, e164: String) {
        #expect(PhoneNumber.e164(text) == e164)
    }

    @Test("unusable phone numbers", arguments: ["12345", "812-3456-789", "0812-CALL-ME", "", "+62", "08123456789012345", "0"])
    func unusablePhones(text: String) {
        #expect(PhoneNumber.e164(text) == nil)
    }
}
