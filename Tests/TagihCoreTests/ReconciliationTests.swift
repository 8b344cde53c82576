import Testing
@testable import TagihCore

/// The checks every run makes, on a month worked by hand.
@Suite struct ReconciliationTests {
    func money(_ minor: Int64) -> Money { Money(minor: minor, currency: idr) }

    func invoice(_ number: String, tenant: String, net: Int64, discount: Int64 = 0, tax: Int64 = 0, mode: TaxMode = .exclusive) -> Invoice {
        let line = InvoiceLine(productId: "NET", description: "", periodStart: day("2026-11-01"), periodEnd: day("2026-11-30"), quantity: 1,
                               unitPrice: ExactDecimal(units: net), months: 1, net: money(net), taxable: true)
        let total = mode == .exclusive ? net - discount + tax : net - discount
        var invoice = Invoice(tenantId: tenant, source: .subscription, sourceId: "S-\(number)", issueDate: day("2026-11-01"),
                              dueDate: day("2026-11-20"), currency: idr, lines: [line], subtotal: money(net), discount: money(discount),
                              tax: money(tax), taxMode: mode, total: money(total))
        invoice.number = number
        return invoice
    }

    @Test func invoicesAddUpOrSayWhichDoesNot() {
        let good = IssuedTotals([
            invoice("A", tenant: "T1", net: 250_000, discount: 25_000, tax: 24_750),
            invoice("B", tenant: "T1", net: 277_500, tax: 27_500, mode: .inclusive),
        ])
        #expect(good.problems.isEmpty)
        // A: 250,000 - 25,000 + 24,750 = 249,750; B: 277,500, tax inside it.
        #expect(good.count == 2 && good.first == "A" && good.last == "B")
        #expect(good.sums[idr]?.total == money(527_250) && good.sums[idr]?.tax == money(52_250) && good.sums[idr]?.discount == money(25_000))
        var broken = invoice("C", tenant: "T1", net: 250_000, tax: 27_500)
        broken.total = money(277_000)
        broken.subtotal = money(250_001)
        #expect(IssuedTotals([broken]).problems == [
            "invoice C: subtotal 250001 is not the sum of its lines, 250000",
            "invoice C: total 277000 is not subtotal less discount plus tax, 277501",
        ])
    }

    @Test func everyPaymentRowIsCountedOnce() {
        var counts = Reconciliation.PaymentCounts()
        (counts.rowsSorted, counts.distinct, counts.copiesMerged, counts.setAside, counts.carried) = (12, 10, 2, 1, 3)
        (counts.sortedByTime, counts.outcomes) = (12, 12)
        #expect(Reconciliation.paymentCountProblems(counts).isEmpty)
        counts.copiesMerged = 1
        counts.sortedByTime = 11
        #expect(Reconciliation.paymentCountProblems(counts) == [
            "payments: 12 rows read but 10 distinct payments and 1 copies merged",
            "payments: 10 distinct payments, 1 set aside and 3 carried from state, but 11 sorted for applying",
            "payments: 11 payments sorted for applying but 12 outcomes reported",
        ])
    }

    /// October left T1 owing 300 of 500 and T2 a credit of 100. November issues T2 1,000; the
    /// credit pays 100 of it; T1 pays 400 without a reference: 300 settles its invoice, 100
    /// becomes credit. Open: 300 + 1,000 - 300 - 100 = 900. Credit: 100 + 100 - 100 = 100.
    @Test func theOpenBalanceAndCreditCarryFromOneStateToTheNext() {
        var before = BillingState()
        before.receivables = [Receivable(number: "OCT-1", tenantId: "T1", source: .subscription, sourceId: "S1", issueDate: day("2026-10-01"),
                                         dueDate: day("2026-10-20"), total: money(500), outstanding: money(300))]
        before.credits = [Credit(tenantId: "T2", amount: money(100))]
        let issued = [invoice("NOV-1", tenant: "T2", net: 1_000)]

        let zone = settings().zone
        var ledger = Ledger(receivables: before.receivables + issued.map(Receivable.init), credits: before.credits, tenants: known(["T1", "T2"]), zone: zone)
        ledger.applyCredit(of: "T2", at: zone.startOfDay(day("2026-11-01")))
        let payment = Payment(id: "P1", status: .paid, paidAt: Instant(seconds: 1_794_000_000), amount: money(400), refunded: money(0),
                              reference: "", tenantId: "T1", source: SourceLocation(file: "payments.csv", line: 2, column: 1))
        let effect = ledger.apply(payment, previous: nil)
        var moved = Reconciliation.PaymentMovements(currency: idr)
        moved.toInvoices = effect.toInvoice
        moved.toCredit = effect.toCredit

        var after = BillingState()
        after.receivables = ledger.takeReceivablesToKeep(keepSettledSince: day("2026-10-01"), issuedSince: day("2026-11-01"))
        after.credits = ledger.remainingCredits
        let balances = Reconciliation.balances(before: before, issued: IssuedTotals(issued), payments: [idr: moved],
                                               creditMovements: ledger.creditMovements, expired: [], after: after)
        #expect(balances.count == 1)
        #expect(balances[0].expectedOpen == money(900) && balances[0].openAfter == money(900))
        #expect(balances[0].expectedCredit == money(100) && balances[0].creditAfter == money(100))
        #expect(Reconciliation.balanceProblems(balances).isEmpty)

        // Ten rupiah lost anywhere between the two states is caught and shown as a sum.
        after.receivables[after.receivables.count - 1].outstanding = money(890)
        let broken = Reconciliation.balances(before: before, issued: IssuedTotals(issued), payments: [idr: moved],
                                             creditMovements: ledger.creditMovements, expired: [], after: after)
        #expect(Reconciliation.balanceProblems(broken) == [
            "IDR: open balance 890 is not 300 before + 1000 issued - 300 paid - 100 from credit - 0 expired - 0 voided - 0 credit notes = 900",
        ])
    }
}
