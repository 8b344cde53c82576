import Testing
@testable import TagihCore

func day(_ text: String) -> CivilDate { try! CivilDate.parse(text).get() }

@Suite struct CivilDateTests {
    @Test("month arithmetic clamps to the month's end", arguments: [
        ("2026-01-31", 1, "2026-02-28"), ("2028-01-31", 1, "2028-02-29"), ("2026-01-31", 2, "2026-03-31"),
        ("2026-08-31", 3, "2026-11-30"), ("2026-03-31", -1, "2026-02-28"), ("2026-12-15", 1, "2027-01-15"),
        ("2026-01-15", -13, "2024-12-15"), ("2024-02-29", 12, "2025-02-28"), ("2026-05-10", 0, "2026-05-10"),
    ] as [(String, Int, String)])
    func addingMonths(start: String, months: Int, expected: String) {
        #expect(day(start).adding(months: months) == day(expected))
    }

    @Test func parsesOnlyRealDays() {
        #expect(throws: DateParseError.noSuchDay) { try CivilDate.parse("2026-02-30").get() }
        #expect(throws: DateParseError.noSuchDay) { try CivilDate.parse("2026-13-01").get() }
        #expect(throws: DateParseError.noSuchDay) { try CivilDate.parse("2025-02-29").get() }
        #expect((try? CivilDate.parse("2024-02-29").get()) != nil)
        #expect(throws: DateParseError.malformed) { try CivilDate.parse("2026/02/01").get() }
        #expect(throws: DateParseError.malformed) { try CivilDate.parse("26-02-01").get() }
        #expect(throws: DateParseError.outOfRange) { try CivilDate.parse("0202-11-01").get() }
        #expect(throws: DateParseError.outOfRange) { try CivilDate.parse("9999-12-31").get() }
    }

    @Test func roundTripsAndWeekdays() {
        #expect(day("1970-01-01").daysSinceEpoch == 0)
        #expect(day("2026-11-21").description == "2026-11-21")
        #expect(day("2026-11-23").isoWeekday == 1) // a Monday
        #expect(day("2026-11-29").isoWeekday == 7) // a Sunday
        #expect(day("2026-12-01").days(since: day("2026-11-01")) == 30)
        #expect(Period("2026-02")!.lastDay == day("2026-02-28"))
        #expect(Period("2026-12")!.next == Period("2027-01")!)
        #expect(Period("2026-13") == nil)
    }

    @Test func timestamps() throws {
        let jakarta = Zone.fixed("Asia/Jakarta", offsetSeconds: 7 * 3600)
        // 2026-11-29 23:30 in Jakarta is 16:30 UTC.
        let local = try ParsedTimestamp.parse("2026-11-29 23:30:00").get().resolve(in: jakarta)
        #expect(local.description == "2026-11-29T16:30:00Z")
        let utc = try ParsedTimestamp.parse("2026-11-29T17:30:00Z").get().resolve(in: jakarta)
        #expect(jakarta.date(of: utc) == day("2026-11-30")) // past midnight in Jakarta
        let offset = try ParsedTimestamp.parse("2026-11-30T00:30:00+07:00").get().resolve(in: jakarta)
        #expect(offset == utc)
        #expect(try ParsedTimestamp.parse("2026-11-30T00:30:00.123+0700").get().resolve(in: jakarta) == utc)
        #expect(throws: TimestampParseError.badTime) { try ParsedTimestamp.parse("2026-11-30T24:00:00").get() }
        #expect(throws: TimestampParseError.date(.noSuchDay)) { try ParsedTimestamp.parse("2026-02-30T10:00:00Z").get() }
        #expect(throws: TimestampParseError.malformed) { try ParsedTimestamp.parse("2026-11-30T10:00:00 UTC").get() }
    }
}
