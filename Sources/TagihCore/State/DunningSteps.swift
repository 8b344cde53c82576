/// Each tenant's dunning step as a run leaves it (rule 15): the action it last got a message
/// for, in tenant id order, as the state file lists them.
///
/// Two arrays rather than a dictionary: a million tenants' steps took 67 MB as a dictionary
/// (32-byte buckets, three in four used at best) and take 20 MB here, an id and the place of
/// its action among the few the ladder names.
public struct DunningSteps: Sendable, Equatable {
    /// Tenant ids, ascending, each once.
    private var tenants: [String] = []
    /// The place of each tenant's action in `actions`.
    private var choices: [UInt32] = []
    /// The actions named, in the order first met, and where each is.
    private var actions: [String] = []
    private var actionPlaces: [String: UInt32] = [:]

    public init() {}

    /// Room for `count` steps, added with `append`.
    public init(reservingCapacity count: Int) {
        tenants.reserveCapacity(count)
        choices.reserveCapacity(count)
    }

    public init(_ steps: [String: String]) {
        for (tenant, action) in steps.sorted(by: { $0.key < $1.key }) { append(tenant: tenant, action: action) }
    }

    /// Adds a tenant after every tenant already here (ids must come in ascending order).
    public mutating func append(tenant: String, action: String) {
        precondition(tenants.last.map { $0 < tenant } ?? true, "dunning steps are added in tenant id order")
        let choice: UInt32
        if let known = actionPlaces[action] {
            choice = known
        } else {
            choice = UInt32(actions.count)
            actionPlaces[action] = choice
            actions.append(action)
        }
        tenants.append(tenant)
        choices.append(choice)
    }

    public subscript(tenant: String) -> String? {
        var low = 0, high = tenants.count
        while low < high {
            let middle = (low + high) / 2
            if tenants[middle] < tenant { low = middle + 1 } else { high = middle }
        }
        guard low < tenants.count, tenants[low] == tenant else { return nil }
        return actions[Int(choices[low])]
    }

    public var count: Int { tenants.count }
    public var isEmpty: Bool { tenants.isEmpty }

    /// Every (tenant, action), in tenant id order.
    public var all: some Collection<(tenant: String, action: String)> {
        let tenants = self.tenants, choices = self.choices, actions = self.actions
        return tenants.indices.lazy.map { (tenants[$0], actions[Int(choices[$0])]) }
    }

    /// The tenants at `action`, in id order.
    public func tenants(at action: String) -> [String] {
        guard let choice = actionPlaces[action] else { return [] }
        return tenants.indices.filter { choices[$0] == choice }.map { tenants[$0] }
    }

    public static func == (a: DunningSteps, b: DunningSteps) -> Bool {
        a.tenants == b.tenants && a.all.map(\.action) == b.all.map(\.action)
    }
}
