/// One term of a subscription that a run bills.
public struct RecurringTerm: Sendable, Equatable {
    /// 0 for the first term.
    public let index: Int
    /// The term's first day, which is also its due date.
    public let start: CivilDate
    /// The last day the term covers (the day before the next term starts).
    public let end: CivilDate
    public let issueDate: CivilDate
}

/// Rule 1: term k starts `start + k * termMonths` months later, clamped to the month's end,
/// is due that day and is issued `leadDays` earlier. A run bills the terms issued in its period.
public enum RecurringSchedule {
    public static func termStart(_ subscription: Subscription, index: Int) -> CivilDate {
        subscription.start.adding(months: index * subscription.termMonths)
    }

    /// The terms whose issue date falls in `period`; none for cancelled subscriptions or
    /// terms starting after the contract's end. Several terms can fall in one period when the
    /// lead time is long (due 30 January and 28 February, lead 29: both issued in January).
    public static func terms(of subscription: Subscription, leadDays: Int, issuedIn period: Period) -> [RecurringTerm] {
        terms(of: subscription, leadDays: leadDays, issuedFrom: period.firstDay, through: period.lastDay)
    }

    /// The terms whose issue date falls from `first` to `last`, both included.
    public static func terms(of subscription: Subscription, leadDays: Int, issuedFrom first: CivilDate, through last: CivilDate) -> [RecurringTerm] {
        guard subscription.status == .active, subscription.termMonths > 0 else { return [] }
        let firstDue = first.adding(days: leadDays)
        let lastDue = last.adding(days: leadDays)
        let start = subscription.start
        let monthsToFirst = (firstDue.year - start.year) * 12 + (firstDue.month - start.month)
        // Clamping only ever moves a due date earlier, so start one term before the estimate.
        var index = max(0, monthsToFirst / subscription.termMonths - 1)
        var terms: [RecurringTerm] = []
        while true {
            let due = termStart(subscription, index: index)
            if due > lastDue { break }
            if let end = subscription.end, due > end { break }
            if due >= firstDue {
                let next = termStart(subscription, index: index + 1)
                terms.append(RecurringTerm(index: index, start: due, end: next.adding(days: -1), issueDate: due.adding(days: -leadDays)))
            }
            index += 1
        }
        return terms
    }
}
