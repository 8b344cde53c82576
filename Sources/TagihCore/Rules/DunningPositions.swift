/// Each tenant's dunning step while a run bills (rule 15), kept by the tenant's place in the
/// input: a byte per tenant for its rung on the ladder, where a dictionary by tenant id took
/// 67 MB of a million-tenant run's peak. Tenants the input no longer has, and steps the
/// ladder no longer names (a state written under other settings), are kept by id beside it.
public struct DunningPositions: Sendable {
    public let ladder: [DunningStep]
    /// The ladder by days, for the step a delay reaches (`Aging.action`), sorted once.
    private let byDays: [DunningStep]
    let tenants: Directory<Tenant>
    /// By tenant place: 0 for no step, `offLadder` for one kept in `others`, otherwise the
    /// rung's place in the ladder plus one.
    private var rungs: [UInt8]
    private static let offLadder = UInt8.max
    /// Steps by tenant id, of tenants with no place or whose step is not a rung.
    private var others: [String: String] = [:]
    /// Tenant places in id order, the order notices go out in; nil when that is every place in turn.
    let placeOrder: [Int32]?
    /// How many tenant places are kept (none without a ladder).
    var placeCount: Int { rungs.count }

    public init(steps: DunningSteps, tenants: Directory<Tenant>, ladder: [DunningStep]) {
        self.ladder = ladder
        byDays = ladder.sorted { $0.days < $1.days }
        self.tenants = tenants
        // Without a ladder nothing is evaluated: the steps a state holds are kept by id as they are.
        rungs = ladder.isEmpty ? [] : Array(repeating: 0, count: tenants.placeCount)
        placeOrder = ladder.isEmpty ? nil : tenants.placesInIdOrder
        for (tenant, action) in steps.all { self[tenant] = action }
    }

    /// The rung a place of the ladder is kept as; `offLadder` beyond what a byte holds.
    private func rung(of action: String) -> UInt8 {
        let place = rank(action)
        guard place >= 0, place < Int(Self.offLadder) - 1 else { return Self.offLadder }
        return UInt8(place + 1)
    }

    public subscript(tenant: String) -> String? {
        get {
            guard !rungs.isEmpty, let place = tenants.place(of: tenant) else { return others[tenant] }
            return self[place: place, tenant]
        }
        set {
            guard !rungs.isEmpty, let place = tenants.place(of: tenant) else {
                others[tenant] = newValue
                return
            }
            self[place: place, tenant] = newValue
        }
    }

    /// The step of the tenant at `place`, whose id is `tenant`.
    subscript(place place: Int32, tenant: String) -> String? {
        get {
            switch rungs[Int(place)] {
            case 0: return nil
            case Self.offLadder: return others[tenant]
            case let rung: return ladder[Int(rung) - 1].action
            }
        }
        set {
            if rungs[Int(place)] == Self.offLadder { others[tenant] = nil }
            guard let newValue else {
                rungs[Int(place)] = 0
                return
            }
            let rung = rung(of: newValue)
            rungs[Int(place)] = rung
            if rung == Self.offLadder { others[tenant] = newValue }
        }
    }

    /// Whether the tenant at `place` has a step.
    func hasStep(place: Int32) -> Bool { rungs[Int(place)] != 0 }

    /// The ladder's rank of an action: its place, or -1 for one it does not name.
    func rank(_ action: String) -> Int { ladder.firstIndex { $0.action == action } ?? -1 }

    /// The step a delay of `days` reaches; empty below the first.
    func action(daysOverdue days: Int) -> String {
        byDays.last { days >= $0.days }?.action ?? ""
    }

    /// Every tenant place, in id order. Static, so `body` may change the positions it walks
    /// (rule 15 moves steps as it goes): `order` and `count` are `placeOrder` and `placeCount`.
    static func forEachPlace(order: [Int32]?, count: Int, _ body: (Int32) throws -> Void) rethrows {
        if let order {
            for place in order { try body(place) }
        } else {
            for place in 0..<Int32(count) { try body(place) }
        }
    }

    /// Ids of tenants with a step kept by id alone, in id order.
    var placelessTenants: [String] {
        others.keys.filter { rungs.isEmpty || tenants.place(of: $0) == nil }.sorted()
    }

    /// Every step, in tenant id order, for the next state: made at the size it ends at, as
    /// the next state keeps it to the end of the run.
    public var steps: DunningSteps {
        var placeless = placelessTenants[...]
        var steps = DunningSteps(reservingCapacity: placeless.count + rungs.lazy.filter { $0 != 0 }.count)
        Self.forEachPlace(order: placeOrder, count: placeCount) { place in
            guard hasStep(place: place) else { return }
            let tenant = tenants.key(at: place)
            while let first = placeless.first, first < tenant {
                steps.append(tenant: first, action: others[first]!)
                placeless.removeFirst()
            }
            if let action = self[place: place, tenant] { steps.append(tenant: tenant, action: action) }
        }
        for tenant in placeless { steps.append(tenant: tenant, action: others[tenant]!) }
        return steps
    }
}
