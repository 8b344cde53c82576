/// One term of a subscription that a run bills.
public struct RecurringTerm: Sendable, Equatable {
    /// 0 for the first term.
    public let index: Int
    /// The term's first day, which is also its due date.
    public let start: CivilDate
    /// The last day the term covers (the day before the next term starts).
    public let end: CivilDate
    public let issueDate: CivilDate
    /// Days served and days in the term, when the contract's end cuts the term short.
    public var cutShort: (days: Int, daysInTerm: Int)?

    public init(index: Int, start: CivilDate, end: CivilDate, issueDate: CivilDate, cutShort: (days: Int, daysInTerm: Int)? = nil) {
        self.index = index
        self.start = start
        self.end = end
        self.issueDate = issueDate
        self.cutShort = cutShort
    }

    public static func == (a: RecurringTerm, b: RecurringTerm) -> Bool {
        (a.index, a.start, a.end, a.issueDate) == (b.index, b.start, b.end, b.issueDate)
            && a.cutShort?.days == b.cutShort?.days && a.cutShort?.daysInTerm == b.cutShort?.daysInTerm
    }
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

    /// The terms whose issue date falls from `first` to `last`, both included. Terms starting
    /// before `prepaidUntil` were bought by a renewal and are skipped; a term that the
    /// contract's `end` cuts short is marked with the days it serves.
    public static func terms(of subscription: Subscription, leadDays: Int, issuedFrom first: CivilDate, through last: CivilDate,
                             prepaidUntil: CivilDate? = nil) -> [RecurringTerm] {
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
            if due >= firstDue && !(prepaidUntil.map { due < $0 } ?? false) {
                let next = termStart(subscription, index: index + 1)
                var term = RecurringTerm(index: index, start: due, end: next.adding(days: -1), issueDate: due.adding(days: -leadDays))
                if let end = subscription.end, end < term.end {
                    term = RecurringTerm(index: index, start: due, end: end, issueDate: term.issueDate,
                                         cutShort: (end.days(since: due) + 1, next.days(since: due)))
                }
                terms.append(term)
            }
            index += 1
        }
        return terms
    }
}

/// A recurring subscription as the runs have left it: the table's row with the contract state
/// (plan, due day, end, cancellation) laid over it.
public enum Contracts {
    public static func effective(_ subscription: Subscription, _ contract: ContractState?) -> Subscription {
        guard let contract else { return subscription }
        var effective = subscription
        if let product = contract.productId { effective.productId = product }
        if let quantity = contract.quantity { effective.quantity = quantity }
        if let anchor = contract.anchor { effective.start = anchor }
        if let end = contract.end { effective.end = end }
        if let after = contract.cancelledAfter { effective.end = min(effective.end ?? after, after) }
        return effective
    }

    /// The term of `subscription` that `date` falls in: its first day and the next term's.
    public static func term(of subscription: Subscription, on date: CivilDate) -> (start: CivilDate, next: CivilDate)? {
        guard subscription.start <= date, subscription.termMonths > 0 else { return nil }
        var index = max(0, ((date.year - subscription.start.year) * 12 + date.month - subscription.start.month) / subscription.termMonths - 1)
        while RecurringSchedule.termStart(subscription, index: index + 1) <= date { index += 1 }
        return (RecurringSchedule.termStart(subscription, index: index), RecurringSchedule.termStart(subscription, index: index + 1))
    }
}
