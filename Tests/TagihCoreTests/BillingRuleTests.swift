import Testing
@testable import TagihCore

let idr = CurrencyCode("IDR")!
let currencies = Currencies()

/// Tenants with just ids, for ledgers in tests.
func known(_ ids: [String]) -> Directory<Tenant> {
    Directory(ids.map { ($0, Tenant(id: $0, name: $0, email: "\($0.lowercased())@x.example", currency: idr)) })
}

public func settings(tax: TaxSettings = TaxSettings(rate: Rate(percent: ExactDecimal(units: 11)))) -> Settings {
    Settings(operator: Operator(name: "NusaNet", email: "billing@nusanet.example"), currency: idr,
             zone: .fixed("Asia/Jakarta", offsetSeconds: 25200), tax: tax)
}

@Suite struct RecurringScheduleTests {
    func subscription(start: String, term: Int = 1, end: String? = nil, status: SubscriptionStatus = .active) -> Subscription {
        Subscription(id: "S1", tenantId: "T1", productId: "P1", start: day(start), termMonths: term, end: end.map(day), status: status)
    }

    @Test func dueOnThe20thWithLead19IsIssuedOnThe1st() {
        let terms = RecurringSchedule.terms(of: subscription(start: "2025-03-20"), leadDays: 19, issuedIn: Period("2026-11")!)
        #expect(terms.count == 1)
        #expect(terms[0].issueDate == day("2026-11-01"))
        #expect(terms[0].start == day("2026-11-20"))
        #expect(terms[0].end == day("2026-12-19"))
    }

    @Test func leadDaysPullNextMonthsTermIntoThisPeriod() {
        // Due 5 December with 19 days' lead: issued 16 November.
        let terms = RecurringSchedule.terms(of: subscription(start: "2026-03-05"), leadDays: 19, issuedIn: Period("2026-11")!)
        #expect(terms.map(\.issueDate) == [day("2026-11-16")])
        #expect(terms.map(\.start) == [day("2026-12-05")])
    }

    @Test func monthEndStartsStayAtMonthEnd() {
        // Started 31 January: due 28 February, 31 March, ..., 30 November.
        let november = RecurringSchedule.terms(of: subscription(start: "2026-01-31"), leadDays: 0, issuedIn: Period("2026-11")!)
        #expect(november.map(\.start) == [day("2026-11-30")])
        let february = RecurringSchedule.terms(of: subscription(start: "2026-01-31"), leadDays: 0, issuedIn: Period("2026-02")!)
        #expect(february.map(\.start) == [day("2026-02-28")])
        #expect(february[0].end == day("2026-03-30"))
        // Quarterly from 31 August: 30 November.
        let quarterly = RecurringSchedule.terms(of: subscription(start: "2026-08-31", term: 3), leadDays: 0, issuedIn: Period("2026-11")!)
        #expect(quarterly.map(\.start) == [day("2026-11-30")])
        #expect(quarterly[0].end == day("2027-02-27"))
    }

    @Test func longLeadCanIssueTwoTermsInOneMonth() {
        // Due 30 January and 28 February; 29 days' lead issues both in January.
        let terms = RecurringSchedule.terms(of: subscription(start: "2026-01-30"), leadDays: 29, issuedIn: Period("2026-01")!)
        #expect(terms.map(\.issueDate) == [day("2026-01-01"), day("2026-01-30")])
    }

    @Test func nothingAfterEndNothingWhenCancelledNothingBeforeStart() {
        #expect(RecurringSchedule.terms(of: subscription(start: "2025-09-20", end: "2026-10-20"), leadDays: 0, issuedIn: Period("2026-11")!).isEmpty)
        #expect(RecurringSchedule.terms(of: subscription(start: "2025-09-20", end: "2026-11-20"), leadDays: 0, issuedIn: Period("2026-11")!).count == 1)
        #expect(RecurringSchedule.terms(of: subscription(start: "2025-09-20", status: .cancelled), leadDays: 0, issuedIn: Period("2026-11")!).isEmpty)
        #expect(RecurringSchedule.terms(of: subscription(start: "2026-12-01"), leadDays: 0, issuedIn: Period("2026-11")!).isEmpty)
        // A yearly term is billed only in its month.
        #expect(RecurringSchedule.terms(of: subscription(start: "2025-11-10", term: 12), leadDays: 0, issuedIn: Period("2026-10")!).isEmpty)
        #expect(RecurringSchedule.terms(of: subscription(start: "2025-11-10", term: 12), leadDays: 0, issuedIn: Period("2026-11")!).count == 1)
    }
}

@Suite struct PricingAndTaxTests {
    let rupiah = currencies(idr)!

    @Test func perSeatBillsAtLeastTheActiveSeats() {
        #expect(Pricing.units(billing: .perSeat, quantity: 40, activeSeats: 46) == 46)
        #expect(Pricing.units(billing: .perSeat, quantity: 150, activeSeats: 120) == 150)
        #expect(Pricing.units(billing: .flat, quantity: 1, activeSeats: 46) == 1)
    }

    func line(_ net: Int64, taxable: Bool = true) -> InvoiceLine {
        InvoiceLine(productId: "P", description: "", periodStart: day("2026-11-01"), periodEnd: day("2026-11-30"), quantity: 1,
                    unitPrice: ExactDecimal(units: net), months: 1, net: Money(minor: net, currency: idr), taxable: taxable)
    }

    @Test func exclusiveTaxIsAddedOnTop() {
        // 690,000 x 11% = 75,900; total 765,900.
        let amounts = InvoiceCalculation.amounts(lines: [line(690_000)], discount: .zero(idr), tax: settings().tax, currency: rupiah)
        #expect(amounts.tax.minor == 75_900)
        #expect(amounts.total.minor == 765_900)
    }

    @Test func exclusiveTaxRoundsHalfUp() {
        // 75,001 x 11% = 8,250.11 -> 8,250; 50 x 11% = 5.5 -> 6.
        #expect(InvoiceCalculation.amounts(lines: [line(75_001)], discount: .zero(idr), tax: settings().tax, currency: rupiah).tax.minor == 8_250)
        #expect(InvoiceCalculation.amounts(lines: [line(50)], discount: .zero(idr), tax: settings().tax, currency: rupiah).tax.minor == 6)
    }

    @Test func inclusiveTaxIsTheShareOfTheTotal() {
        // 1,110,000 including 11%: tax = 1,110,000 x 11 / 111 = 110,000; total stays 1,110,000.
        let inclusive = TaxSettings(rate: Rate(percent: ExactDecimal(units: 11)), mode: .inclusive)
        let amounts = InvoiceCalculation.amounts(lines: [line(1_110_000)], discount: .zero(idr), tax: inclusive, currency: rupiah)
        #expect(amounts.tax.minor == 110_000)
        #expect(amounts.total.minor == 1_110_000)
        // 250,000 including 11%: 24,774.77 -> 24,775.
        #expect(InvoiceCalculation.amounts(lines: [line(250_000)], discount: .zero(idr), tax: inclusive, currency: rupiah).tax.minor == 24_775)
    }

    @Test func ppnTwelvePercentOfElevenTwelfthsIsElevenPercent() {
        let ppn = TaxSettings(rate: Rate(percent: ExactDecimal(units: 12)), base: Fraction(11, 12))
        let amounts = InvoiceCalculation.amounts(lines: [line(1_000_000)], discount: .zero(idr), tax: ppn, currency: rupiah)
        #expect(amounts.tax.minor == 110_000)
    }

    @Test func untaxedLinesCarryNoTaxAndMixedLinesShareTheDiscount() {
        #expect(InvoiceCalculation.amounts(lines: [line(1_025_000, taxable: false)], discount: .zero(idr), tax: settings().tax, currency: rupiah).tax.minor == 0)
        // 600,000 taxable + 400,000 untaxed, 100,000 off: taxable base 540,000 -> tax 59,400.
        let mixed = InvoiceCalculation.amounts(lines: [line(600_000), line(400_000, taxable: false)],
                                               discount: Money(minor: 100_000, currency: idr), tax: settings().tax, currency: rupiah)
        #expect(mixed.tax.minor == 59_400)
        #expect(mixed.total.minor == 959_400)
    }
}

@Suite struct NumberingTests {
    @Test func patternFormats() throws {
        let pattern = try NumberPattern("INV/{YYYY}/{MM}/{SEQ:5}")
        #expect(pattern.format(sequence: 31, issued: day("2026-11-01")) == "INV/2026/11/00031")
        #expect(pattern.format(sequence: 123_456, issued: day("2026-11-01")) == "INV/2026/11/123456")
        #expect(try NumberPattern("{YY}{MM}{DD}-{SEQ}").format(sequence: 7, issued: day("2026-01-05")) == "260105-7")
        #expect(throws: NumberPattern.ParseError.self) { try NumberPattern("INV-{YYYY}") }
        #expect(throws: NumberPattern.ParseError.self) { try NumberPattern("INV-{SEQ}-{SEQ}") }
        #expect(throws: NumberPattern.ParseError.self) { try NumberPattern("INV-{WEEK}-{SEQ}") }
    }

    func input() -> BillingInput {
        let tenants = ["B", "A"].map { Tenant(id: $0, name: $0, email: "\($0)@x.example", currency: idr) }
        let product = Product(id: "P", name: "P", price: ExactDecimal(units: 100_000), currency: idr)
        let subscriptions = [
            Subscription(id: "S2", tenantId: "A", productId: "P", start: day("2026-01-05")),
            Subscription(id: "S1", tenantId: "B", productId: "P", start: day("2026-01-05")),
            Subscription(id: "S3", tenantId: "A", productId: "P", start: day("2026-01-02")),
            Subscription(id: "S0", tenantId: "A", productId: "P", start: day("2026-01-05")),
        ]
        return BillingInput(settings: settings(), tenants: Dictionary(uniqueKeysWithValues: tenants.map { ($0.id, $0) }),
                            products: ["P": product], subscriptions: subscriptions)
    }

    @Test func numbersFollowIssueDateTenantSourceAndContinueAcrossRuns() {
        let november = TestRun(input(), state: BillingState(nextSequence: 31), from: "2026-11-01", to: "2026-11-30")
        #expect(november.issued.map(\.sourceId) == ["S3", "S0", "S2", "S1"])
        #expect(november.issued.map(\.number) == ["INV/2026/11/00031", "INV/2026/11/00032", "INV/2026/11/00033", "INV/2026/11/00034"])
        #expect(november.next.nextSequence == 35)
        let december = TestRun(input(), state: november.next, from: "2026-12-01", to: "2026-12-31")
        #expect(december.issued.first?.number == "INV/2026/12/00035")
        #expect(december.next.nextSequence == 39)
        // The same input and state give the same numbers.
        let again = TestRun(input(), state: november.next, from: "2026-12-01", to: "2026-12-31")
        #expect(again.issued.map(\.number) == december.issued.map(\.number))
    }

    /// Rule 6 within a run and across runs: a day's invoices are numbered when the day comes,
    /// so two runs of half a month each give the numbers one run of the month gives.
    @Test func runsOfAnyLengthGiveTheSameNumbers() {
        let month = TestRun(input(), state: BillingState(nextSequence: 31), from: "2026-11-01", to: "2026-11-30")
        let first = TestRun(input(), state: BillingState(nextSequence: 31), from: "2026-11-01", to: "2026-11-03")
        let second = TestRun(input(), state: first.next, from: "2026-11-04", to: "2026-11-30")
        #expect(first.issued.map(\.number) == ["INV/2026/11/00031"])
        #expect((first.issued + second.issued).map(\.number) == month.issued.map(\.number))
        #expect((first.issued + second.issued).map(\.sourceId) == month.issued.map(\.sourceId))
    }

    @Test func closingCarriesWhatIsOwedAndWhatWasPaidRecently() {
        let payment = Payment(id: "P1", status: .paid, paidAt: Instant(seconds: 1_794_000_000), amount: Money(minor: 111_000, currency: idr),
                              reference: "INV/2026/11/00031", source: SourceLocation(file: "p.csv", line: 2, column: 1))
        let run = TestRun(input(), state: BillingState(nextSequence: 31), from: "2026-11-01", to: "2026-11-30", payments: [payment])
        let horizon = RunSetup.memoryHorizon(asOf: day("2026-11-30"), memoryDays: 62, zone: settings().zone)
        // 62 days back from the day after 30 November is 30 September, midnight in Jakarta.
        #expect(horizon.description == "2026-09-29T17:00:00Z")
        #expect(run.next.memoryHorizon == horizon)
        #expect(run.receivable("INV/2026/11/00031")?.outstanding.isZero == true)
        #expect(run.next.receivables.count == 4) // three owed, one paid on 7 November
        #expect(run.next.nextSequence == 35)
        #expect(Aging.overdue(run.next.receivables, asOf: day("2026-11-30"), ladder: []).count == 3) // due 2 and 5 November, unpaid
        #expect(run.next.asOf == day("2026-11-30"))
    }
}
