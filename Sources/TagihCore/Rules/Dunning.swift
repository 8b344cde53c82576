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
    /// payments (by currency) seen by the end of `day`; `positions` each tenant's step, moved
    /// to where the day leaves it, in place.
    ///
    /// Each overdue tenant's worst delay is found first, by tenant place; the invoices
    /// themselves are gathered only for the tenants whose step rises. A copy of every overdue
    /// invoice by tenant, made each day, took 180 MB at a million tenants, and the worst delays
    /// by tenant id with the list of those tenants 41 MB more.
    public static func evaluate(
        day: CivilDate, receivables: some Collection<Receivable>, pending: [String: Money], positions: inout DunningPositions
    ) -> Result {
        var result = Result()
        guard !positions.ladder.isEmpty else { return result }
        let asOf = day
        let tenants = positions.tenants
        // The worst delay by tenant place (0: none overdue), and by id for tenants with no place.
        var worst = [Int32](repeating: 0, count: positions.placeCount)
        var placelessWorst: [String: Int] = [:]
        for receivable in receivables where Aging.isOverdue(receivable, asOf: asOf) {
            let days = asOf.days(since: receivable.dueDate)
            if let place = tenants.place(of: receivable.tenantId) {
                worst[Int(place)] = max(worst[Int(place)], Int32(clamping: days))
            } else if placelessWorst[receivable.tenantId].map({ $0 < days }) ?? true {
                placelessWorst[receivable.tenantId] = days
            }
        }
        let last = positions.ladder.last?.action
        // Tenants whose step rises, in tenant order, with the step they reach.
        var rising: [(tenant: String, action: String)] = []
        /// One tenant, overdue by `days` at worst (0: not at all): its step follows.
        func follow(_ tenant: String, place: Int32?, days: Int) {
            func move(to action: String?) {
                if let place { positions[place: place, tenant] = action } else { positions[tenant] = action }
            }
            let previous = place.map { positions[place: $0, tenant] } ?? positions[tenant]
            guard days > 0 else {
                move(to: nil)
                if let previous, previous == last {
                    result.reconnections.append(Reconnection(tenantId: tenant, day: day, action: previous))
                }
                return
            }
            let action = positions.action(daysOverdue: days)
            if action.isEmpty {
                move(to: nil)
                return
            }
            let current = previous.map { positions.rank($0) } ?? -1
            if positions.rank(action) <= current {
                move(to: action)
                return
            }
            rising.append((tenant, action))
        }
        // Tenants with no place merge into the places' id order; there are seldom any.
        var placeless = Set(positions.placelessTenants).union(placelessWorst.keys).sorted()[...]
        DunningPositions.forEachPlace(order: positions.placeOrder, count: positions.placeCount) { place in
            let days = worst[Int(place)]
            guard days > 0 || positions.hasStep(place: place) else { return }
            let tenant = tenants.key(at: place)
            while let first = placeless.first, first < tenant {
                follow(first, place: nil, days: placelessWorst[first] ?? 0)
                placeless.removeFirst()
            }
            follow(tenant, place: place, days: Int(days))
        }
        for tenant in placeless { follow(tenant, place: nil, days: placelessWorst[tenant] ?? 0) }
        guard !rising.isEmpty else { return result }
        worst = []
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
            positions[tenant] = action
            let lines = invoices.sorted { ($0.dueDate, $0.number) < ($1.dueDate, $1.number) }.map {
                DunningNotice.OverdueLine(number: $0.number, dueDate: $0.dueDate, daysOverdue: asOf.days(since: $0.dueDate), outstanding: $0.outstanding)
            }
            result.notices.append(DunningNotice(tenantId: tenant, day: day, action: action, invoices: lines, totals: owed, pending: waiting))
        }
        return result
    }
}
