import Testing
@testable import TagihCore

/// Rule 7 with hand-worked amounts: matching, partial and over-payment, credit, refunds.
@Suite struct LedgerTests {
    static let zone = settings().zone

    /// Issued on the first of the month before it is due, so payments in November meet them.
    func receivable(_ number: String, tenant: String = "T1", due: String, total: Int64, outstanding: Int64? = nil, currency: CurrencyCode = idr) -> Receivable {
        let dueDate = day(due)
        return Receivable(number: number, tenantId: tenant, source: .subscription, sourceId: "S-\(number)",
                          issueDate: dueDate.adding(months: -1).period.firstDay, dueDate: dueDate,
                          total: Money(minor: total, currency: currency), outstanding: Money(minor: outstanding ?? total, currency: currency))
    }

    func at(_ text: String) -> Instant { try! ParsedTimestamp.parse(text).get().resolve(in: LedgerTests.zone) }

    func payment(_ id: String, _ amount: Int64, reference: String = "", tenant: String = "", status: PaymentStatus = .paid,
                 refunded: Int64 = 0, currency: CurrencyCode = idr, at time: String = "2026-11-18 10:00:00") -> Payment {
        Payment(id: id, status: status, paidAt: at(time), amount: Money(minor: amount, currency: currency),
                refunded: Money(minor: refunded, currency: currency), reference: reference, tenantId: tenant,
                source: SourceLocation(file: "payments.csv", line: 2, column: 1))
    }

    var ledger: Ledger {
        Ledger(receivables: [
            receivable("INV/2026/11/00002", due: "2026-11-20", total: 277_500),
            receivable("INV/2026/10/00001", due: "2026-10-20", total: 277_500),
            receivable("INV/2026/11/00003", tenant: "T2", due: "2026-11-20", total: 499_500),
        ], credits: [], tenants: known(["T1", "T2", "T3"]), zone: LedgerTests.zone)
    }

    @Test func referenceMatchesIgnoringCaseAndPunctuation() {
        var ledger = self.ledger
        let effect = ledger.apply(payment("P1", 277_500, reference: "inv-2026-11-00002"), previous: nil)
        #expect(effect.outcome == .applied)
        #expect(effect.route == .reference)
        #expect(effect.invoice == "INV/2026/11/00002")
        #expect(ledger.receivable("INV/2026/11/00002")!.outstanding.isZero)
        #expect(ledger.receivable("INV/2026/11/00002")!.lastPaidOn == day("2026-11-18"))
    }

    /// Spellings are found through an index of places into the receivables: among thousands
    /// of invoices each spelling names its own; an order id added as a reference names its
    /// invoice; a number spelled two ways names the latest receivable; a voided invoice's
    /// spelling matches nothing.
    @Test func everySpellingNamesItsOwnInvoiceAmongMany() {
        var ledger = Ledger(receivables: (1...3_000).map { receivable(String(format: "INV/2026/11/%05d", $0), due: "2026-11-20", total: 1_000) },
                            credits: [], tenants: known(["T1", "T2", "T3"]), zone: LedgerTests.zone)
        for n in [1, 1_234, 3_000] {
            let effect = ledger.apply(payment("P\(n)", 1_000, reference: String(format: "inv 2026-11-%05d", n)), previous: nil)
            #expect(effect.outcome == .applied && effect.invoice == String(format: "INV/2026/11/%05d", n))
        }
        ledger.addReference("ord-77", for: "INV/2026/11/00077")
        #expect(ledger.apply(payment("P77", 1_000, reference: "ORD77"), previous: nil).invoice == "INV/2026/11/00077")
        ledger.add(receivable("INV-2026-11-00010", due: "2026-11-20", total: 2_000))
        #expect(ledger.apply(payment("P10", 2_000, reference: "inv/2026/11/00010 "), previous: nil).invoice == "INV-2026-11-00010")
        #expect(ledger.receivable("INV/2026/11/00010")!.outstanding == Money(minor: 1_000, currency: idr))
        guard case .success = ledger.void("INV/2026/11/00020", on: day("2026-11-18"), tenant: "T1") else {
            Issue.record("the void was refused")
            return
        }
        #expect(ledger.apply(payment("P20", 1_000, reference: "INV-2026-11-00020"), previous: nil).outcome
            == .unmatched(.referenceMatchesNothing(reference: "INV-2026-11-00020")))
        for (number, spelling) in [("INV/2026/11/00001", "INV20261100001"), ("inv-1", "INV1"), ("INV/1", "INV10"), ("", ""), ("Straße-1", "STRASSE1"),
                                   ("ﬁle-2", "FILE2"), ("#", "")] {
            #expect(Ledger.spells(number, spelling) == (Ledger.normalise(number) == spelling))
            #expect(Ledger.spells(number, Ledger.normalise(number)))
        }
    }

    @Test func withoutReferenceTheTenantsOldestOpenInvoiceIsPaidAndAPartialPaymentLeavesTheRest() {
        var ledger = self.ledger
        let effect = ledger.apply(payment("P1", 100_000, tenant: "T1"), previous: nil)
        #expect(effect.route == .tenant)
        #expect(effect.invoice == "INV/2026/10/00001")
        #expect(ledger.receivable("INV/2026/10/00001")!.outstanding.minor == 177_500)
        #expect(ledger.receivable("INV/2026/11/00002")!.outstanding.minor == 277_500)
    }

    @Test func anOverpaymentBecomesCreditThatPaysTheNextInvoice() {
        var ledger = self.ledger
        // 300,000 against the October invoice (277,500): 22,500 over, spent on November's.
        let effect = ledger.apply(payment("P1", 300_000, reference: "INV/2026/10/00001"), previous: nil)
        #expect(effect.toInvoice.minor == 277_500)
        #expect(effect.toCredit.minor == 22_500)
        #expect(effect.creditUsed.map(\.invoice) == ["INV/2026/11/00002"])
        #expect(ledger.receivable("INV/2026/11/00002")!.outstanding.minor == 255_000)
        #expect(ledger.remainingCredits.isEmpty)
        // With nothing left open, the rest stays as credit and pays the tenant's next invoice.
        _ = ledger.apply(payment("P2", 300_000, tenant: "T1", at: "2026-11-19 10:00:00"), previous: nil)
        #expect(ledger.remainingCredits == [Credit(tenantId: "T1", amount: Money(minor: 45_000, currency: idr))])
        ledger.add(receivable("INV/2026/12/00009", due: "2026-12-20", total: 277_500))
        ledger.applyCredit(of: "T1", at: at("2026-12-01 00:00:00"))
        #expect(ledger.receivable("INV/2026/12/00009")!.outstanding.minor == 232_500)
        #expect(ledger.remainingCredits.isEmpty)
    }

    @Test func creditFromStatePaysTheRunsNewInvoices() {
        var ledger = Ledger(receivables: [], credits: [Credit(tenantId: "T1", amount: Money(minor: 22_500, currency: idr))], tenants: known(["T1"]),
                            zone: LedgerTests.zone)
        ledger.add(receivable("INV/2026/12/00001", due: "2026-12-20", total: 277_500))
        ledger.applyCredit(of: "T1", at: at("2026-12-01 00:00:00"))
        #expect(ledger.receivable("INV/2026/12/00001")!.outstanding.minor == 255_000)
        #expect(ledger.creditMovements.map(\.amount.minor) == [22_500])
    }

    /// A tenant's credit in a second currency is kept apart from its first and pays only
    /// invoices in that currency; credit used up in the first leaves the second alone.
    @Test func creditInTwoCurrenciesStaysApart() {
        let usd = CurrencyCode("USD")!
        var ledger = Ledger(receivables: [], credits: [Credit(tenantId: "T1", amount: Money(minor: 22_500, currency: idr)),
                                                       Credit(tenantId: "T1", amount: Money(minor: 1_000, currency: usd))],
                            tenants: known(["T1"]), zone: LedgerTests.zone)
        ledger.add(receivable("INV/2026/12/00001", due: "2026-12-20", total: 10_000, currency: idr))
        ledger.applyCredit(of: "T1", at: at("2026-12-01 00:00:00"))
        #expect(ledger.receivable("INV/2026/12/00001")!.outstanding.isZero)
        #expect(ledger.remainingCredits == [Credit(tenantId: "T1", amount: Money(minor: 12_500, currency: idr)),
                                            Credit(tenantId: "T1", amount: Money(minor: 1_000, currency: usd))])
        ledger.add(receivable("INV/2026/12/00002", due: "2026-12-21", total: 1_500, currency: usd))
        ledger.applyCredit(of: "T1", at: at("2026-12-02 00:00:00"))
        #expect(ledger.receivable("INV/2026/12/00002")!.outstanding == Money(minor: 500, currency: usd))
        #expect(ledger.remainingCredits == [Credit(tenantId: "T1", amount: Money(minor: 12_500, currency: idr))])
    }

    @Test func aRefundReopensTheInvoiceItPaidAndTakesBackCreditFirst() {
        var ledger = self.ledger
        let paid = ledger.apply(payment("P1", 300_000, reference: "INV/2026/11/00003"), previous: nil)
        // T2 overpaid 499,500 - ... no: 300,000 of 499,500, nothing to credit.
        #expect(paid.toInvoice.minor == 300_000)
        let refund = ledger.apply(payment("P1", 300_000, reference: "INV/2026/11/00003", status: .refunded, refunded: 100_000),
                                  previous: paid.remember)
        #expect(refund.outcome == .refundReversed)
        #expect(refund.toInvoice.minor == -100_000)
        #expect(ledger.receivable("INV/2026/11/00003")!.outstanding.minor == 299_500)
        #expect(refund.remember?.received.minor == 200_000)
        #expect(refund.remember?.refunded.minor == 100_000)

        // An overpayment refunded: the credit part goes first.
        var second = self.ledger
        let over = second.apply(payment("P2", 600_000, reference: "INV/2026/11/00003"), previous: nil)
        #expect(over.toCredit.minor == 100_500)
        let back = second.apply(payment("P2", 600_000, status: .refunded, refunded: 150_000), previous: over.remember)
        #expect(back.toCredit.minor == -100_500)
        #expect(back.toInvoice.minor == -49_500)
        #expect(second.receivable("INV/2026/11/00003")!.outstanding.minor == 49_500)
        #expect(second.remainingCredits.isEmpty)
    }

    @Test func aPaymentSeenByAnEarlierRunIsNotAppliedAgain() {
        var ledger = self.ledger
        let first = ledger.apply(payment("P1", 277_500, reference: "INV/2026/11/00002"), previous: nil)
        var next = self.ledger
        let again = next.apply(payment("P1", 277_500, reference: "INV/2026/11/00002"), previous: first.remember)
        #expect(again.outcome == .alreadyApplied)
        #expect(next.receivable("INV/2026/11/00002")!.outstanding.minor == 277_500)
        #expect(again.remember == first.remember)
    }

    @Test func unmatchedAndUnsettledPaymentsChangeNothing() {
        var ledger = self.ledger
        #expect(ledger.apply(payment("P1", 100, reference: "NOPE-1"), previous: nil).outcome == .unmatched(.referenceMatchesNothing(reference: "NOPE-1")))
        #expect(ledger.apply(payment("P2", 100), previous: nil).outcome == .unmatched(.noReferenceNoTenant))
        #expect(ledger.apply(payment("P3", 100, tenant: "T9"), previous: nil).outcome == .unmatched(.unknownTenant(tenant: "T9", reference: "")))
        let usd = CurrencyCode("USD")!
        #expect(ledger.apply(payment("P4", 4990, reference: "INV/2026/11/00002", currency: usd), previous: nil).outcome
                == .unmatched(.currencyMismatch(invoice: "INV/2026/11/00002", invoiceCurrency: idr, paymentCurrency: usd)))
        #expect(MessageCatalog().text(UnmatchedReason.currencyMismatch(invoice: "INV/2026/11/00002", invoiceCurrency: idr, paymentCurrency: usd))
                == "a USD payment for invoice INV/2026/11/00002, which is in IDR")
        #expect(ledger.apply(payment("P5", 277_500, reference: "INV/2026/11/00002", status: .pending), previous: nil).outcome == .notSettled)
        #expect(ledger.apply(payment("P6", 277_500, reference: "INV/2026/11/00002", status: .refunded, refunded: 277_500), previous: nil).outcome == .refundedBeforeApplied)
        #expect(ledger.receivable("INV/2026/11/00002")!.outstanding.minor == 277_500)
    }

    /// Rule 7: payments only meet invoices issued by their time, so a run over a month and
    /// daily runs agree. A payment before the invoice exists becomes credit, which pays the
    /// invoice the moment it is issued.
    @Test func aPaymentMeetsOnlyInvoicesIssuedByItsTime() {
        var ledger = Ledger(receivables: [], credits: [], tenants: known(["T1"]), zone: LedgerTests.zone)
        var later = receivable("INV/2026/11/00009", due: "2026-11-20", total: 277_500)
        later.issueDate = day("2026-11-10")
        ledger.add(later)
        let early = ledger.apply(payment("P1", 277_500, reference: "INV/2026/11/00009", tenant: "T1", at: "2026-11-05 10:00:00"), previous: nil)
        #expect(early.outcome == .credited)
        #expect(early.route == .tenant)
        #expect(ledger.receivable("INV/2026/11/00009")!.outstanding.minor == 277_500)
        ledger.applyCredit(of: "T1", at: at("2026-11-10 00:00:00"))
        #expect(ledger.receivable("INV/2026/11/00009")!.outstanding.isZero)
        #expect(ledger.creditMovements == [CreditMovement(tenantId: "T1", invoice: "INV/2026/11/00009", amount: Money(minor: 277_500, currency: idr), day: day("2026-11-10"))])
    }

    @Test func latestStatusWinsAmongCopies() {
        let pending = payment("P1", 100, status: .pending)
        let paid = payment("P1", 100, status: .paid)
        let refunded = payment("P1", 100, status: .refunded, refunded: 40)
        let fullyRefunded = payment("P1", 100, status: .refunded, refunded: 100)
        #expect(pending.isOvertaken(by: paid))
        #expect(!paid.isOvertaken(by: pending))
        #expect(paid.isOvertaken(by: refunded))
        #expect(refunded.isOvertaken(by: fullyRefunded))
        #expect(!paid.isOvertaken(by: paid))
    }

    @Test func statusWords() {
        #expect(PaymentStatus(word: "settlement") == .paid)
        #expect(PaymentStatus(word: "Capture") == .paid)
        #expect(PaymentStatus(word: "succeeded") == .paid)
        #expect(PaymentStatus(word: "expire") == .expired)
        #expect(PaymentStatus(word: "deny") == .failed)
        #expect(PaymentStatus(word: "cancel") == .failed)
        #expect(PaymentStatus(word: "failure") == .failed)
        #expect(PaymentStatus(word: "refund") == .refunded)
        #expect(PaymentStatus(word: "pending") == .pending)
        #expect(PaymentStatus(word: "lunas") == nil)
    }
}

@Suite struct AgingTests {
    @Test("bucket boundaries", arguments: [(1, AgingBucket.days1to30), (30, .days1to30), (31, .days31to60), (60, .days31to60),
                                           (61, .days61to90), (90, .days61to90), (91, .over90), (400, .over90)])
    func buckets(days: Int, bucket: AgingBucket) {
        #expect(AgingBucket(daysOverdue: days) == bucket)
    }

    let ladder = [DunningStep(days: 14, action: "disconnect"), DunningStep(days: 1, action: "reminder"), DunningStep(days: 7, action: "final_notice")]

    @Test func dunningLadder() {
        #expect(Aging.action(daysOverdue: 0, ladder: ladder) == "")
        #expect(Aging.action(daysOverdue: 1, ladder: ladder) == "reminder")
        #expect(Aging.action(daysOverdue: 6, ladder: ladder) == "reminder")
        #expect(Aging.action(daysOverdue: 7, ladder: ladder) == "final_notice")
        #expect(Aging.action(daysOverdue: 13, ladder: ladder) == "final_notice")
        #expect(Aging.action(daysOverdue: 14, ladder: ladder) == "disconnect")
    }

    @Test func overdueIsPastDueWithMoneyOutstandingWorstFirstActionByOldest() {
        func item(_ number: String, _ tenant: String, _ due: String, _ outstanding: Int64) -> Receivable {
            Receivable(number: number, tenantId: tenant, source: .subscription, sourceId: "S", issueDate: day(due), dueDate: day(due),
                       total: Money(minor: 277_500, currency: idr), outstanding: Money(minor: outstanding, currency: idr))
        }
        let items = Aging.overdue([
            item("A1", "A", "2026-11-20", 277_500), // 10 days
            item("A2", "A", "2026-10-31", 100_000), // 30 days: A's oldest, so A is disconnected
            item("B1", "B", "2026-10-30", 277_500), // 31 days
            item("C1", "C", "2026-11-30", 277_500), // due today: not overdue
            item("D1", "D", "2026-11-01", 0),       // paid
        ], asOf: day("2026-11-30"), ladder: ladder)
        #expect(items.map(\.receivable.number) == ["B1", "A2", "A1"])
        #expect(items.map(\.daysOverdue) == [31, 30, 10])
        #expect(items.map(\.bucket) == [.days31to60, .days1to30, .days1to30])
        #expect(items.map(\.action) == ["disconnect", "disconnect", "disconnect"])
    }
}
