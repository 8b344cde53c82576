import Testing
@testable import TagihCore

/// Rule 9 with hand-worked values.
@Suite struct DisbursementTests {
    let jakarta = Zone.fixed("Asia/Jakarta", offsetSeconds: 25200)

    var config: Settings {
        var settings = TagihCoreTests.settings()
        settings.fees = ["qris": FeeRule(percent: Rate(percent: ExactDecimal(units: 7, scale: 1))),
                         "credit_card": FeeRule(percent: Rate(percent: ExactDecimal(units: 29, scale: 1)), fixed: ExactDecimal(units: 2000)),
                         "bank_transfer": FeeRule(fixed: ExactDecimal(units: 4000))]
        settings.platformCommission = Rate(percent: ExactDecimal(units: 5))
        settings.minPayout = ExactDecimal(units: 50_000)
        return settings
    }

    let clinic = Tenant(id: "KLK", name: "Klinik", email: "k@x.example", currency: idr, bank: BankAccount(code: "BCA", account: "0012345", holder: "Klinik"),
                        payoutSchedule: .weekly, appointmentFee: Money(minor: 50_000, currency: idr),
                        adminFeeNew: Money(minor: 10_000, currency: idr), adminFeeReturning: Money(minor: 5_000, currency: idr))

    func collection(_ id: String, _ amount: Int64, at: String, method: String = "qris", purpose: PaymentPurpose = .paymentRequest,
                    patient: PatientType? = nil, refunded: Int64 = 0, fee: Int64? = nil) -> Payment {
        Payment(id: id, status: refunded > 0 ? .refunded : .paid, paidAt: try! ParsedTimestamp.parse(at).get().resolve(in: jakarta),
                amount: Money(minor: amount, currency: idr), refunded: Money(minor: refunded, currency: idr),
                fee: fee.map { Money(minor: $0, currency: idr) }, tenantId: "KLK", method: method, purpose: purpose, patientType: patient,
                source: SourceLocation(file: "p.csv", line: 2, column: 1))
    }

    final class Recorded { var items: [CollectedPayment] = [] }

    func ledger(_ tenant: Tenant? = nil, balances: [PayoutBalance] = [], into recorded: Recorded = Recorded()) -> Disbursements {
        Disbursements(settings: config, tenants: Directory(["KLK": tenant ?? clinic]), openWindows: [], balances: balances,
                      record: { recorded.items.append($0) })
    }

    @Test func weeksRunMondayToSundayInJakartaEvenForAPaymentStampedInUTC() throws {
        // 16:59:59 UTC on Sunday 29 November is 23:59:59 in Jakarta: still that week.
        let sunday = Instant(seconds: try! ParsedTimestamp.parse("2026-11-29T16:59:59Z").get().resolve(in: jakarta).seconds)
        let monday = sunday.adding(seconds: 1)
        #expect(PayoutWindow.containing(jakarta.date(of: sunday), tenantId: "KLK", schedule: .weekly)
                == PayoutWindow(tenantId: "KLK", start: day("2026-11-23"), end: day("2026-11-29")))
        #expect(PayoutWindow.containing(jakarta.date(of: monday), tenantId: "KLK", schedule: .weekly)
                == PayoutWindow(tenantId: "KLK", start: day("2026-11-30"), end: day("2026-12-06")))
        #expect(PayoutWindow.containing(day("2026-02-14"), tenantId: "KLK", schedule: .monthly)
                == PayoutWindow(tenantId: "KLK", start: day("2026-02-01"), end: day("2026-02-28")))
    }

    @Test func feesPercentPlusFixedRoundedPerPayment() throws {
        let disbursements = ledger()
        // 2.9% of 250,000 = 7,250, plus 2,000.
        #expect(disbursements.fee(for: collection("A", 250_000, at: "2026-11-03 10:00:00", method: "credit_card")).fee.minor == 9_250)
        // 0.7% of 64,500 = 451.5: rounded half-up to 452.
        #expect(disbursements.fee(for: collection("B", 64_500, at: "2026-11-03 10:00:00")).fee.minor == 452)
        #expect(disbursements.fee(for: collection("C", 85_000, at: "2026-11-03 10:00:00", method: "bank_transfer")).fee.minor == 4_000)
        // The export's own fee wins.
        #expect(disbursements.fee(for: collection("D", 250_000, at: "2026-11-03 10:00:00", method: "credit_card", fee: 9_000)).fee.minor == 9_000)
        #expect(disbursements.fee(for: collection("E", 1_000, at: "2026-11-03 10:00:00", method: "gopay")).note == .noFeeRule(method: "gopay"))
        #expect(MessageCatalog().text(CollectionNote.noFeeRule(method: "gopay")) == "no fee rule for gopay")
    }

    @Test func commissionIsRoundedOnceOnTheWindowAndEveryWindowReconciles() throws {
        var disbursements = ledger()
        // Two payments of 64,505 and 64,505 in one week: fees 452 each (451.535 -> 452),
        // commission 5% of 129,010 = 6,450.5 -> 6,451 (not 3,225.25 twice).
        _ = try disbursements.collect(collection("A", 64_505, at: "2026-11-03 10:00:00"), previous: nil, on: day("2026-11-03"))
        _ = try disbursements.collect(collection("B", 64_505, at: "2026-11-05 10:00:00"), previous: nil, on: day("2026-11-05"))
        let payouts = disbursements.payOut(asOf: day("2026-11-30"))
        #expect(payouts.count == 1)
        #expect(payouts[0].sums.fees.minor == 904)
        #expect(payouts[0].commission.minor == 6_451)
        #expect(payouts[0].net.minor == 129_010 - 904 - 6_451)
        #expect(payouts[0].amount == payouts[0].net)
        #expect(payouts[0].reference == "PO-KLK-20261102")
        for payout in payouts {
            #expect(payout.sums.gross == payout.net + payout.sums.fees + payout.commission + payout.sums.refunds)
        }
    }

    @Test func onlyEndedWindowsArePaidTheRestStayOpen() throws {
        var disbursements = ledger()
        _ = try disbursements.collect(collection("A", 100_000, at: "2026-11-29 23:00:00"), previous: nil, on: day("2026-11-29"))
        _ = try disbursements.collect(collection("B", 100_000, at: "2026-11-30 08:00:00"), previous: nil, on: day("2026-11-30"))
        #expect(disbursements.payOut(asOf: day("2026-11-30")).map(\.window.start) == [day("2026-11-23")])
        #expect(disbursements.openWindows.map(\.0.start) == [day("2026-11-30")])
    }

    @Test func aHeldPayoutIsReleasedWithTheNextOne() throws {
        // First run: 30,000 collected, under the 50,000 minimum: held and carried.
        var first = ledger()
        _ = try first.collect(collection("A", 30_000, at: "2026-11-03 10:00:00", method: "x"), previous: nil, on: day("2026-11-03"))
        let held = first.payOut(asOf: day("2026-11-08"))
        let underMinimum = HoldReason.underMinimum(minimum: ExactDecimal(units: 50_000), currency: idr)
        #expect(held[0].hold == underMinimum)
        // Money in a reason reads as money, in the reader's language (issue 15).
        #expect(MessageCatalog().text(underMinimum) == "under the minimum payout of IDR 50,000")
        #expect(MessageCatalog(language: .id).text(underMinimum) == "di bawah pencairan minimum Rp 50.000")
        #expect(held[0].amount.isZero)
        // net 30,000 - 0 fee - 1,500 commission = 28,500 carried.
        #expect(first.carriedBalances == [PayoutBalance(tenantId: "KLK", amount: Money(minor: 28_500, currency: idr), reason: underMinimum)])
        // Next run: another 30,000: 28,500 + 28,500 = 57,000 goes out in one transfer.
        var second = ledger(balances: first.carriedBalances)
        _ = try second.collect(collection("B", 30_000, at: "2026-11-10 10:00:00", method: "x"), previous: nil, on: day("2026-11-10"))
        let paid = second.payOut(asOf: day("2026-11-15"))
        #expect(paid[0].isPaid)
        #expect(paid[0].carriedIn.minor == 28_500)
        #expect(paid[0].amount.minor == 57_000)
        #expect(second.carriedBalances.isEmpty)
    }

    @Test func onHoldOrWithoutABankNothingGoesOutAndNothingIsLost() throws {
        var hold = clinic
        hold.payoutSchedule = .hold
        var disbursements = ledger(hold)
        _ = try disbursements.collect(collection("A", 100_000, at: "2026-11-03 10:00:00", method: "x"), previous: nil, on: day("2026-11-03"))
        #expect(disbursements.payOut(asOf: day("2026-11-30")).map(\.hold) == [.tenantOnHold])
        #expect(disbursements.carriedBalances.map(\.amount.minor) == [95_000])
        var noBank = clinic
        noBank.bank = nil
        var other = ledger(noBank)
        _ = try other.collect(collection("A", 100_000, at: "2026-11-03 10:00:00", method: "x"), previous: nil, on: day("2026-11-03"))
        #expect(other.payOut(asOf: day("2026-11-30")).map(\.hold) == [.noBankAccount])
    }

    @Test func aRefundFoundAfterTheWindowWasPaidComesOffTheNextPayout() throws {
        var first = ledger()
        let remembered = try first.collect(collection("A", 100_000, at: "2026-11-03 10:00:00", method: "x"), previous: nil, on: day("2026-11-03"))
        #expect(first.payOut(asOf: day("2026-11-08"))[0].amount.minor == 95_000)
        // A later export shows A refunded by 40,000; another 100,000 was collected.
        var second = ledger(balances: first.carriedBalances)
        let after = try second.collect(collection("A", 100_000, at: "2026-11-03 10:00:00", method: "x", refunded: 40_000), previous: remembered, on: day("2026-11-03"))
        #expect(after?.refunded.minor == 40_000)
        _ = try second.collect(collection("B", 100_000, at: "2026-11-10 10:00:00", method: "x"), previous: nil, on: day("2026-11-10"))
        let payouts = second.payOut(asOf: day("2026-11-15"))
        #expect(payouts.count == 1)
        #expect(payouts[0].carriedIn.minor == -40_000)
        #expect(payouts[0].amount.minor == 95_000 - 40_000)
        // Seen again with nothing new: nothing changes.
        var third = ledger()
        #expect(try third.collect(collection("A", 100_000, at: "2026-11-03 10:00:00", method: "x", refunded: 40_000), previous: after, on: day("2026-11-03")) == after)
        #expect(third.payOut(asOf: day("2026-11-30")).isEmpty)
    }

    @Test func appointmentsAreCheckedAgainstTheFeesAndShowTheDeposit() throws {
        let recorded = Recorded()
        var disbursements = ledger(into: recorded)
        _ = try disbursements.collect(collection("A", 60_000, at: "2026-11-03 10:00:00", purpose: .appointment, patient: .new), previous: nil, on: day("2026-11-03"))
        _ = try disbursements.collect(collection("B", 60_000, at: "2026-11-03 11:00:00", purpose: .appointment, patient: .returning), previous: nil, on: day("2026-11-03"))
        let items = recorded.items
        #expect(items[0].notes == [])
        #expect(items[0].deposit?.minor == 50_000)
        #expect(MessageCatalog().text(items[1].notes) == "paid IDR 60,000, expected IDR 55,000 (appointment fee IDR 50,000 + returning admin fee IDR 5,000)")
        #expect(items[1].deposit?.minor == 55_000)
    }

    @Test func aPayoutGivesBackItsAmountsAndMakesItsReference() {
        let rp = { (minor: Int64) in Money(minor: minor, currency: idr) }
        let window = PayoutWindow(tenantId: "klk-001", start: day("2026-11-02"), end: day("2026-11-08"))
        let sums = WindowSums(gross: rp(300_000), refunds: rp(50_000), fees: rp(6_100), collections: 7)
        let paid = WindowPayout(window: window, sums: sums, commission: rp(12_500), net: rp(231_400), carriedIn: rp(-1_000),
                                amount: rp(230_400), hold: nil)
        #expect(paid.sums == sums)
        #expect((paid.commission, paid.net, paid.carriedIn, paid.amount) == (rp(12_500), rp(231_400), rp(-1_000), rp(230_400)))
        #expect(paid.isPaid && paid.hold == nil)
        #expect(paid.reference == "PO-KLK001-20261102")
        let held = WindowPayout(window: window, sums: sums, commission: rp(12_500), net: rp(231_400), carriedIn: rp(0), amount: rp(0),
                                hold: .nothingToPay(balance: rp(-5)))
        #expect(!held.isPaid && held.hold == .nothingToPay(balance: rp(-5)))
    }
}
