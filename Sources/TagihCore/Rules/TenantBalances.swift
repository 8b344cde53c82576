/// Each tenant's balance in a state, per currency: outstanding on its receivables less its
/// credit, in (tenant, currency) order. Made by sorting the state's balance parts and adding
/// up neighbours, not in a table keyed by tenant: the check and `statements.xlsx` each held
/// two such tables of every tenant, and the sets of their keys, about 30 MB at 100,000 tenants.
public struct TenantBalances: RandomAccessCollection, Sendable, ExpressibleByDictionaryLiteral {
    public typealias Key = StatementBook.Key
    public typealias Element = (key: Key, amount: Money)

    private var entries: [Element]

    public init(_ state: BillingState) {
        var parts: [Element] = []
        parts.reserveCapacity(state.receivables.count + state.credits.count)
        StatementBook.forEachBalancePart(state) { tenant, amount in
            parts.append((Key(tenant: tenant, currency: amount.currency), amount))
        }
        self.init(parts: parts)
    }

    public init(dictionaryLiteral elements: (Key, Money)...) {
        self.init(parts: elements.map { (key: $0.0, amount: $0.1) })
    }

    /// Sorted by key, and the parts of one key added up in place.
    private init(parts: [Element]) {
        entries = parts
        // Parts of one key are added up whatever their order, so a sort that is not stable
        // does, and without the buffer of half of them the standard sort keeps.
        entries.sortWithoutBuffer { $0.key < $1.key }
        var kept = 0
        for index in entries.indices {
            if kept > 0, entries[kept - 1].key == entries[index].key {
                entries[kept - 1].amount += entries[index].amount
            } else {
                entries[kept] = entries[index]
                kept += 1
            }
        }
        entries.removeLast(entries.count - kept)
        entries.shrinkToFit()
    }

    public var startIndex: Int { entries.startIndex }
    public var endIndex: Int { entries.endIndex }
    public subscript(position: Int) -> Element { entries[position] }

    /// The balance of a tenant in a currency, found by halving; nil when it has none on file.
    public subscript(key: Key) -> Money? {
        var (low, high) = (0, entries.count)
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].key < key { low = middle + 1 } else { high = middle }
        }
        return low < entries.count && entries[low].key == key ? entries[low].amount : nil
    }
}
