public enum AgingBucket: String, Sendable, CaseIterable {
    case days1to30 = "1-30"
    case days31to60 = "31-60"
    case days61to90 = "61-90"
    case over90 = "90+"

    public init(daysOverdue days: Int) {
        switch days {
        case ...30: self = .days1to30
        case 31...60: self = .days31to60
        case 61...90: self = .days61to90
        default: self = .over90
        }
    }
}

/// One overdue invoice with its tenant's dunning action.
public struct OverdueItem: Sendable {
    public var receivable: Receivable
    public var daysOverdue: Int
    public var bucket: AgingBucket
    /// The tenant's action, decided by its oldest overdue invoice; empty below the first rung.
    public var action: String
}

/// Rule 8: as of a date, an invoice with money outstanding past its due date is overdue by
/// `asOf - due` days; a tenant's dunning action follows its oldest overdue invoice.
public enum Aging {
    /// The highest rung of the ladder the days reach, or "" before the first.
    public static func action(daysOverdue: Int, ladder: [DunningStep]) -> String {
        ladder.sorted { $0.days < $1.days }.last { daysOverdue >= $0.days }?.action ?? ""
    }

    /// Owed and past due as of the day. Orders are never overdue: paid, still within their
    /// payment code's life, or expired.
    public static func isOverdue(_ receivable: Receivable, asOf: CivilDate) -> Bool {
        receivable.outstanding.isPositive && receivable.dueDate < asOf && receivable.expiresAt == nil
    }

    /// Worst first: most days overdue, then the larger amount, then tenant and number.
    public static func overdue(_ receivables: [Receivable], asOf: CivilDate, ladder: [DunningStep], excluding excluded: Set<String> = []) -> OverdueList {
        OverdueList(receivables, asOf: asOf, ladder: ladder, excluding: excluded)
    }
}

/// The overdue list: places in the receivables it was made from, each with its days and its
/// tenant's worst days (which decide the action); an item is made whole when it is read. Items holding a copy of their
/// invoice took 86 MB for the 487,127 overdue invoices of a million tenants, and sorting them
/// as values copied them once more.
public struct OverdueList: RandomAccessCollection, Sendable {
    private struct Entry: Sendable {
        var place: Int32
        var days: Int32
        /// The most days any overdue invoice of its tenant has: the tenant's action follows it.
        var tenantDays: Int32
    }

    private let receivables: [Receivable]
    private let ladder: [DunningStep]
    private var entries: [Entry] = []

    init(_ receivables: [Receivable], asOf: CivilDate, ladder: [DunningStep], excluding excluded: Set<String>) {
        self.receivables = receivables
        self.ladder = ladder
        var worst: [String: Int32] = [:]
        for (place, receivable) in receivables.enumerated()
        where Aging.isOverdue(receivable, asOf: asOf) && !excluded.contains(receivable.number) {
            let days = Int32(asOf.days(since: receivable.dueDate))
            worst[receivable.tenantId] = Swift.max(worst[receivable.tenantId] ?? 0, days)
            entries.append(Entry(place: Int32(place), days: days, tenantDays: 0))
        }
        for index in entries.indices {
            entries[index].tenantDays = worst[receivables[Int(entries[index].place)].tenantId]!
        }
        entries.sort { a, b in
            if a.days != b.days { return a.days > b.days }
            let first = receivables[Int(a.place)], second = receivables[Int(b.place)]
            if first.outstanding.minor != second.outstanding.minor { return first.outstanding.minor > second.outstanding.minor }
            return (first.tenantId, first.number) < (second.tenantId, second.number)
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { entries.count }

    public subscript(position: Int) -> OverdueItem {
        let entry = entries[position]
        return OverdueItem(receivable: receivables[Int(entry.place)], daysOverdue: Int(entry.days),
                           bucket: AgingBucket(daysOverdue: Int(entry.days)),
                           action: Aging.action(daysOverdue: Int(entry.tenantDays), ladder: ladder))
    }
}

/// One bucket of the aging summary: how many invoices, how many tenants, how much.
public struct AgingSums: Sendable, Equatable {
    public var invoices = 0
    public var tenants = 0
    public var outstanding: Money

    public init(currency: CurrencyCode) { outstanding = .zero(currency) }
}

extension Aging {
    /// The overdue list summed per currency and bucket, in one pass: each sum is updated in
    /// place and tenants are counted once per bucket, so the work follows the items.
    public static func summary(_ items: some Sequence<OverdueItem>) -> [CurrencyCode: [AgingBucket: AgingSums]] {
        var sums: [CurrencyCode: [AgingBucket: AgingSums]] = [:]
        var seen = Set<SeenTenant>()
        for item in items {
            let currency = item.receivable.outstanding.currency
            sums[currency, default: [:]][item.bucket, default: AgingSums(currency: currency)].invoices += 1
            sums[currency, default: [:]][item.bucket, default: AgingSums(currency: currency)].outstanding += item.receivable.outstanding
            if seen.insert(SeenTenant(tenant: item.receivable.tenantId, currency: currency, bucket: item.bucket)).inserted {
                sums[currency, default: [:]][item.bucket, default: AgingSums(currency: currency)].tenants += 1
            }
        }
        return sums
    }
}

/// A tenant counted in a bucket of a currency, as a value: a text key made per overdue
/// invoice cost a string of its own each (64 bytes at a million tenants' 487,127).
private struct SeenTenant: Hashable {
    let tenant: String
    let currency: CurrencyCode
    let bucket: AgingBucket
}
