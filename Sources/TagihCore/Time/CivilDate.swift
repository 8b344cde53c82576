/// A calendar date with no time or zone (a due date, an issue date), stored as days since
/// 1970-01-01 so comparing and subtracting dates is integer arithmetic.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let daysSinceEpoch: Int32

    /// The range tagih accepts; anything outside is far more likely a typo than a real date.
    public static let validYears = 1970...2100

    public init(daysSinceEpoch: Int32) { self.daysSinceEpoch = daysSinceEpoch }

    /// Nil when the day does not exist (2026-02-30) or the year is out of range.
    public init?(year: Int, month: Int, day: Int) {
        guard CivilDate.validYears.contains(year), (1...12).contains(month),
              day >= 1, day <= CivilDate.daysIn(year: year, month: month) else { return nil }
        daysSinceEpoch = Int32(daysFromCivil(year, month, day))
    }

    public var components: (year: Int, month: Int, day: Int) { civilFromDays(Int(daysSinceEpoch)) }
    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }
    public var period: Period { let c = components; return Period(year: c.year, month: c.month)! }

    /// 1 = Monday ... 7 = Sunday (ISO 8601).
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let weekday = (Int(daysSinceEpoch) + 3) % 7
        return (weekday < 0 ? weekday + 7 : weekday) + 1
    }

    public static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public func adding(days: Int) -> CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch + Int32(days)) }

    /// Same day of month `months` later, clamped to that month's last day:
    /// 31 January + 1 month = 28 February (29 in a leap year).
    public func adding(months: Int) -> CivilDate {
        let (year, month, day) = components
        let index = year * 12 + (month - 1) + months
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        let newMonth = index - newYear * 12 + 1
        let newDay = min(day, CivilDate.daysIn(year: newYear, month: newMonth))
        return CivilDate(daysSinceEpoch: Int32(daysFromCivil(newYear, newMonth, newDay)))
    }

    /// Whole days from `other` to `self` (positive when self is later).
    public func days(since other: CivilDate) -> Int { Int(daysSinceEpoch) - Int(other.daysSinceEpoch) }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    /// ISO `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = components
        return "\(year)-\(twoDigits(month))-\(twoDigits(day))"
    }
}

@inline(__always)
func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

/// Howard Hinnant's days_from_civil: proleptic Gregorian date to days since 1970-01-01.
func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146097 + dayOfEra - 719468
}

/// Howard Hinnant's civil_from_days: the inverse of `daysFromCivil`.
func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let dayOfEra = z - era * 146097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
}
