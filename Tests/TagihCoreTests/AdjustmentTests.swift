import Testing
@testable import TagihCore

/// Rule 14 with hand-worked amounts: voids, credit notes and their tax part, and the tenant
/// statements that must add up afterwards.
@Suite struct AdjustmentTests {
    static let zone = settings().zone

    func open(_ number: String, tenant: String = "T1", total: Int64, tax: Int64, outstanding: Int64? = nil) -> Receivable {
        Receivable(number: number, tenantId: tenant, source: .subscription, sourceId: "S-\(number)", issueDate: day("2026-11-01"),
                   dueDate: day("2026-11-20"), total: Money(minor: total, currency: idr), outstanding: Money(minor: outstanding ?? total, currency: idr),
                   tax: Money(minor: tax, currency: idr), voucher: "HEMAT10")
    }

    func ledger(_ receivables: [Receivable]) -> Ledger {
        Ledger(receivables: receivables, credits: [], tenants: known(["T1", "T2"]), zone: AdjustmentTests.zone)
    }

    func at(_ text: String) -> Instant { try! ParsedTimestamp.parse(text).get().resolve(in: AdjustmentTests.zone) }

    @Test func aCreditNoteTakesItsTaxShareAndPutsWhatExceedsTheOutstandingOnCredit() throws {
        // 277,500 with 27,500 tax, 100,000 paid: a credit note of 200,000 takes the 177,500
        // left and 22,500 becomes credit; its tax is round(200,000 x 27,500 / 277,500) = 19,820.
        var book = ledger([open("A", total: 277_500, tax: 27_500, outstanding: 177_500)])
        let done = try book.creditNote("A", amount: Money(minor: 200_000, currency: idr), at: at("2026-11-15 00:00:00"), tenant: "", minorUnits: 0).get()
        #expect(done == Ledger.Credited(tax: Money(minor: 19_820, currency: idr), toInvoice: Money(minor: 177_500, currency: idr),
                                        toCredit: Money(minor: 22_500, currency: idr)))
        #expect(book.receivable("A")!.outstanding.isZero)
        #expect(book.receivable("A")!.paid.minor == 100_000)
        #expect(book.remainingCredits.map(\.amount.minor) == [22_500])
        // What is left to credit is 77,500: more is refused, and the invoice is unchanged.
        let above = book.creditNote("A", amount: Money(minor: 77_501, currency: idr), at: at("2026-11-16 00:00:00"), tenant: "", minorUnits: 0)
        #expect(above == .failure(.creditNoteAboveRemaining(invoice: "A", remaining: Money(minor: 77_500, currency: idr))))
        #expect(book.receivable("A")!.creditNotes.minor == 200_000)
    }

    @Test func aVoidNeedsNothingPaidAndRemovesTheInvoice() {
        var book = ledger([open("A", total: 277_500, tax: 27_500), open("B", total: 277_500, tax: 27_500, outstanding: 277_499)])
        func refusal(_ result: Result<Receivable, AdjustmentRefusal>) -> AdjustmentRefusal? {
            if case .failure(let refusal) = result { return refusal }
            return nil
        }
        #expect(refusal(book.void("B", on: day("2026-11-12"), tenant: "")) == .voidOfPaidInvoice(invoice: "B", paid: Money(minor: 1, currency: idr)))
        #expect(refusal(book.void("A", on: day("2026-11-12"), tenant: "T2")) == .otherTenant(invoice: "A", invoiceTenant: "T1", given: "T2"))
        #expect(refusal(book.void("A", on: day("2026-10-31"), tenant: "")) == .beforeInvoice(invoice: "A", issued: day("2026-11-01")))
        let voided = book.void("A", on: day("2026-11-12"), tenant: "T1")
        #expect((try? voided.get())?.voucher == "HEMAT10")
        #expect(book.receivable("A") == nil)
        #expect(refusal(book.void("A", on: day("2026-11-13"), tenant: "")) == .unknownInvoice("A"))
    }

    @Test func aRunWithACreditNoteAndAVoidBalancesPerTenant() {
        var state = BillingState(asOf: day("2026-10-31"), nextSequence: 10)
        state.receivables = [open("A", total: 277_500, tax: 27_500, outstanding: 177_500), open("B", tenant: "T2", total: 111_000, tax: 11_000)]
        state.voucherRedemptions = ["HEMAT10": 2]
        var input = BillingInput(settings: settings(), tenants: known(["T1", "T2"]), products: Directory<Product>(), subscriptions: [])
        input.settings.creditNoteNumber = try! NumberPattern("CN-{SEQ:3}")
        let adjustments = [
            Adjustment(id: "X1", kind: .creditNote, date: day("2026-11-15"), invoice: "A", amount: Money(minor: 200_000, currency: idr)),
            Adjustment(id: "X2", kind: .void, date: day("2026-11-16"), invoice: "B"),
        ]
        let span = Span(first: day("2026-11-01"), last: day("2026-11-30"))
        var run = BillingRun(input: input, state: state, orders: [], adjustments: adjustments,
                             setup: RunSetup(span: span, memoryHorizon: RunSetup.memoryHorizon(asOf: span.last, memoryDays: 62, zone: input.settings.zone)),
                             paymentCode: { $0 }, recordInvoice: { _ in })
        try! run.run(payments: { nil }) { _, _ in }
        let next = run.finish(previous: state)
        #expect(run.journal.creditNotes.map(\.number) == ["CN-001"])
        #expect(next.nextCreditNoteSequence == 2)
        #expect(run.journal.voids.map(\.invoice) == ["B"])
        // The void gave back B's voucher redemption.
        #expect(next.voucherRedemptions["HEMAT10"] == 1)
        // T1: 177,500 owed, credit note 200,000: closing -22,500 (its credit). T2: 111,000 written off.
        #expect(run.journal.statements.map { "\($0.tenantId) \($0.opening.minor) \($0.creditNotes.minor) \($0.writtenOff.minor) \($0.closing.minor)" }
                == ["T1 177500 200000 0 -22500", "T2 111000 0 111000 0"])
        #expect(Reconciliation.statementProblems(run.journal.statements, before: state, after: next).isEmpty)
        // A statement that leaves a movement out is caught.
        var broken = run.journal.statements
        broken[0].creditNotes = .zero(idr)
        #expect(Reconciliation.statementProblems(broken, before: state, after: next)
                == ["statement of T1 (IDR): closing -22500 is not 177500 + 0 invoiced - 0 credited - 0 paid + 0 refunded - 0 written off = 177500"])
    }
}
