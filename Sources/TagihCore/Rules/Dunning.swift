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
        public var notices: [DunningNotice] = []
        public var reconnections: [Reconnection] = []
    }

    /// `receivables` is every receivable on file (read twice); `pending` each tenant's pending
    /// payments (by currency) seen by the end of `day`; `steps` each tenant's step, moved to
    /// where the day leaves it. (Changed in place: a changed copy of a million tenants' steps,
    /// made every day beside the run's own, took 34 MB at the height of its billing.)
    ///
    /// Each overdue tenant's worst delay is found first; the invoices themselves are gathered
    /// only for the tenants whose step rises. A copy of every overdue invoice by tenant, made
    /// each day, took 180 MB at a million tenants, the largest part of the run's peak.
    public static func evaluate(
        day: CivilDate, receivables: some Collection<Receivable>, pending: [String: Money], steps: inout [String: String], ladder: [DunningStep]
    ) -> Result {
        var result = Result()
        guard !ladder.isEmpty else { return result }
        let asOf = day
        var worst: [String: Int] = [:]
        for receivable in receivables where Aging.isOverdue(receivable, asOf: asOf) {
            let days = asOf.days(since: receivable.dueDate)
            if let known = worst[receivable.tenantId], known >= days { continue }
            worst[receivable.tenantId] = days
        }
        var tenants = Array(worst.keys)
        for tenant in steps.keys where worst[tenant] == nil { tenants.append(tenant) }
        tenants.sort()
        let rank = { (action: String) in ladder.firstIndex { $0.action == action } ?? -1 }
        // Tenants whose step rises, in tenant order, with the step they reach.
        var rising: [(tenant: String, action: String)] = []
        for tenant in tenants {
            let previous = steps[tenant]
            guard let days = worst[tenant] else {
                steps[tenant] = nil
                if let previous, previous == ladder.last?.action {
                    result.reconnections.append(Reconnection(tenantId: tenant, day: day, action: previous))
                }
                continue
            }
            let action = Aging.action(daysOverdue: days, ladder: ladder)
            if action.isEmpty {
                steps[tenant] = nil
                continue
            }
            let current = previous.map(rank) ?? -1
            if rank(action) <= current {
                steps[tenant] = action
                continue
            }
            rising.append((tenant, action))
        }
        guard !rising.isEmpty else { return result }
        tenants = []
        worst = [:]
        var overdue: [String: [Receivable]] = Dictionary(uniqueKeysWithValues: rising.map { ($0.tenant, []) })
        for receivable in receivables where Aging.isOverdue(receivable, asOf: asOf) {
            overdue[receivable.tenantId]?.append(receivable)
        }
        for (tenant, action) in rising {
            let invoices = overdue[tenant] ?? []
            var totals: [CurrencyCode: Money] = [:]
            for receivable in invoices { totals[receivable.total.currency, default: .zero(receivable.total.currency)] += receivable.outstanding }
            let owed = totals.keys.sorted().map { totals[$0]! }
            let waiting = pending[tenant]
            if let waiting, owed.count == 1, owed[0].currency == waiting.currency, waiting >= owed[0] {
                continue // held: its payment is on its way
            }
            steps[tenant] = action
            let lines = invoices.sorted { ($0.dueDate, $0.number) < ($1.dueDate, $1.number) }.map {
                DunningNotice.OverdueLine(number: $0.number, dueDate: $0.dueDate, daysOverdue: asOf.days(since: $0.dueDate), outstanding: $0.outstanding)
            }
            result.notices.append(DunningNotice(tenantId: tenant, day: day, action: action, invoices: lines, totals: owed, pending: waiting))
        }
        return result
    }
}
