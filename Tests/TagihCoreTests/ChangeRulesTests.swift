import Testing
@testable import TagihCore

/// Rule 12's amounts and dates, worked out by hand.
@Suite struct ChangeRulesTests {
    let rupiah = Currencies()(idr)!

    @Test func aProrationIsTheDifferenceForTheDaysLeft() {
        // 300,000 -> 450,000 with 15 of 30 days left: +75,000; back down with 20 left: -100,000.
        #expect(ChangeRules.proration(oldPrice: ExactDecimal(units: 300_000), oldUnits: 1, newPrice: ExactDecimal(units: 450_000), newUnits: 1,
                                      months: 1, daysLeft: 15, daysInTerm: 30, currency: rupiah).minor == 75_000)
        #expect(ChangeRules.proration(oldPrice: ExactDecimal(units: 450_000), oldUnits: 1, newPrice: ExactDecimal(units: 300_000), newUnits: 1,
                                      months: 1, daysLeft: 20, daysInTerm: 30, currency: rupiah).minor == -100_000)
        // Seats 25 -> 30 at 15,000 for 10 of 31 days: 75,000 x 10/31 = 24,193.5... rounds to 24,194.
        #expect(ChangeRules.proration(oldPrice: ExactDecimal(units: 15_000), oldUnits: 25, newPrice: ExactDecimal(units: 15_000), newUnits: 30,
                                      months: 1, daysLeft: 10, daysInTerm: 31, currency: rupiah).minor == 24_194)
    }

    @Test func aBridgeAndTheNextDueDay() {
        // 20-30 November, 11 of 30 days of 300,000: 110,000.
        #expect(ChangeRules.bridge(price: ExactDecimal(units: 300_000), units: 1, days: 11, daysInMonth: 30, currency: rupiah).minor == 110_000)
        #expect(ChangeRules.nextDueDay(1, onOrAfter: day("2026-11-20")) == day("2026-12-01"))
        #expect(ChangeRules.nextDueDay(25, onOrAfter: day("2026-11-20")) == day("2026-11-25"))
        // The 31st in a 30-day month is its last day; across a year end to January.
        #expect(ChangeRules.nextDueDay(31, onOrAfter: day("2026-11-05")) == day("2026-11-30"))
        #expect(ChangeRules.nextDueDay(3, onOrAfter: day("2026-12-20")) == day("2027-01-03"))
    }

    @Test func anEndCutsTheLastTermShort() {
        let subscription = Subscription(id: "S6", tenantId: "T1", productId: "SEAT", start: day("2026-01-05"), quantity: 5, end: day("2026-11-20"))
        let terms = RecurringSchedule.terms(of: subscription, leadDays: 0, issuedFrom: day("2026-11-01"), through: day("2026-12-31"))
        #expect(terms.count == 1)
        #expect(terms[0].start == day("2026-11-05") && terms[0].end == day("2026-11-20"))
        #expect(terms[0].cutShort?.days == 16 && terms[0].cutShort?.daysInTerm == 30)
        // A renewal's prepaid months (December and January) are skipped.
        let open = Subscription(id: "S1", tenantId: "T1", productId: "SEAT", start: day("2026-01-01"))
        #expect(RecurringSchedule.terms(of: open, leadDays: 0, issuedFrom: day("2026-12-01"), through: day("2027-03-31"),
                                        prepaidUntil: day("2027-02-01")).map(\.start) == [day("2027-02-01"), day("2027-03-01")])
    }
}
