/// The dunning notices of a run or a month, in the order they were made, kept flat: each
/// notice's fixed part in one array, every notice's overdue lines in a second and its totals
/// in a third. A notice is made whole again when it is read. As values of their own, each
/// notice held two small arrays of its own: 1,136,374 notices in the million-tenant month took
/// 180 MB that way, about twice this.
public struct DunningNotices: RandomAccessCollection, Sendable, ExpressibleByArrayLiteral {
    private struct Head: Sendable {
        var tenantId: String
        var day: CivilDate
        /// Its place in `actions`: a run's notices name a handful of steps.
        var action: UInt16
        var firstLine: Int32
        var firstTotal: Int32
        var pending: Money?
    }

    private var heads: [Head] = []
    private var lines: [DunningNotice.OverdueLine] = []
    private var totals: [Money] = []
    private var actions: [String] = []

    public init() {}

    public init(arrayLiteral notices: DunningNotice...) {
        append(contentsOf: notices)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { heads.count }

    public subscript(position: Int) -> DunningNotice {
        let head = heads[position]
        let next = position + 1 < heads.count ? heads[position + 1] : nil
        let lineEnd = next.map { Int($0.firstLine) } ?? lines.count
        let totalEnd = next.map { Int($0.firstTotal) } ?? totals.count
        return DunningNotice(
            tenantId: head.tenantId, day: head.day, action: actions[Int(head.action)],
            invoices: Array(lines[Int(head.firstLine)..<lineEnd]), totals: Array(totals[Int(head.firstTotal)..<totalEnd]),
            pending: head.pending
        )
    }

    /// The tenant a notice went to, without making the notice.
    public func tenantId(at position: Int) -> String { heads[position].tenantId }

    public mutating func append(_ notice: DunningNotice) {
        let action = actions.firstIndex(of: notice.action) ?? {
            actions.append(notice.action)
            return actions.count - 1
        }()
        heads.append(Head(tenantId: notice.tenantId, day: notice.day, action: UInt16(action), firstLine: Int32(lines.count),
                          firstTotal: Int32(totals.count), pending: notice.pending))
        lines += notice.invoices
        totals += notice.totals
    }

    public mutating func append(contentsOf notices: some Sequence<DunningNotice>) {
        for notice in notices { append(notice) }
    }

    public static func += (list: inout DunningNotices, more: some Sequence<DunningNotice>) {
        list.append(contentsOf: more)
    }

    /// Gives back the room the arrays grew into while the notices were added.
    public mutating func shrinkToFit() {
        heads.shrinkToFit()
        lines.shrinkToFit()
        totals.shrinkToFit()
    }
}
