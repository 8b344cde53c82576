/// A tenant's dunning message: sent when its step rises (rule 15), listing every overdue
/// invoice and the total.
public struct DunningNotice: Sendable, Equatable {
    public var tenantId: String
    public var day: CivilDate
    public var action: String
    public var invoices: [OverdueLine]
    /// Per currency, in code order.
    public var totals: [Money]
    /// Pending payments of the tenant seen by then, not yet settled.
    public var pending: Money?

    public struct OverdueLine: Sendable, Equatable {
        public var number: String
        public var dueDate: CivilDate
        public var daysOverdue: Int
        public var outstanding: Money

        public init(number: String, dueDate: CivilDate, daysOverdue: Int, outstanding: Money) {
            self.number = number
            self.dueDate = dueDate
            self.daysOverdue = daysOverdue
            self.outstanding = outstanding
        }
    }

    public init(tenantId: String, day: CivilDate, action: String, invoices: [OverdueLine], totals: [Money], pending: Money?) {
        self.tenantId = tenantId
        self.day = day
        self.action = action
        self.invoices = invoices
        self.totals = totals
        self.pending = pending
    }
}

/// A tenant that was at the last step (disconnect) and is clear again: listed in reconnect.csv.
public struct Reconnection: Sendable, Equatable {
    public var tenantId: String
    public var day: CivilDate
    /// The step it was at.
    public var action: String

    public init(tenantId: String, day: CivilDate, action: String) {
        self.tenantId = tenantId
        self.day = day
        self.action = action
    }
}

/// Rule 15, evaluated at the end of every day of a run. A tenant's step follows its oldest
/// overdue invoice (rule 8) and is kept in state. When it rises, the tenant gets that step's
/// message; when pending payments cover its overdue money it is held where it is and the
/// pending amount is shown. A step that falls (part paid) is lowered without a message; a
/// tenant clear of overdue money leaves the ladder, and one that was at the last step is
/// listed for reconnection.
public enum DunningRules {
    public struct Result: Sendable {
        public var steps: [String: String]
        public var notices: [DunningNotice] = []
        public var reconnections: [Reconnection] = []
    }

    /// `overdue` is every receivable with money outstanding; `pending` each tenant's pending
    /// payments (by currency) seen by the end of `day`.
    public static func evaluate(
        day: CivilDate, receivables: some Sequence<Receivable>, pending: [String: Money], steps: [String: String], ladder: [DunningStep]
    ) -> Result {
        var result = Result(steps: steps)
        guard !ladder.isEmpty else { return result }
        let asOf = day
        var byTenant: [String: [Receivable]] = [:]
        for receivable in receivables where receivable.outstanding.isPositive && receivable.dueDate < asOf && receivable.expiresAt == nil {
            byTenant[receivable.tenantId, default: []].append(receivable)
        }
        let rank = { (action: String) in ladder.firstIndex { $0.action == action } ?? -1 }
        for tenant in Set(byTenant.keys).union(steps.keys).sorted() {
            let previous = steps[tenant]
            guard let invoices = byTenant[tenant] else {
                result.steps[tenant] = nil
                if let previous, previous == ladder.last?.action {
                    result.reconnections.append(Reconnection(tenantId: tenant, day: day, action: previous))
                }
                continue
            }
            let worst = invoices.map { asOf.days(since: $0.dueDate) }.max() ?? 0
            let action = Aging.action(daysOverdue: worst, ladder: ladder)
            if action.isEmpty {
                result.steps[tenant] = nil
                continue
            }
            let current = previous.map(rank) ?? -1
            let next = rank(action)
            if next <= current {
                result.steps[tenant] = action
                continue
            }
            var totals: [CurrencyCode: Money] = [:]
            for receivable in invoices { totals[receivable.total.currency, default: .zero(receivable.total.currency)] += receivable.outstanding }
            let owed = totals.keys.sorted().map { totals[$0]! }
            let waiting = pending[tenant]
            if let waiting, owed.count == 1, owed[0].currency == waiting.currency, waiting >= owed[0] {
                continue // held: its payment is on its way
            }
            result.steps[tenant] = action
            let lines = invoices.sorted { ($0.dueDate, $0.number) < ($1.dueDate, $1.number) }.map {
                DunningNotice.OverdueLine(number: $0.number, dueDate: $0.dueDate, daysOverdue: asOf.days(since: $0.dueDate), outstanding: $0.outstanding)
            }
            result.notices.append(DunningNotice(tenantId: tenant, day: day, action: action, invoices: lines, totals: owed, pending: waiting))
        }
        return result
    }
}
