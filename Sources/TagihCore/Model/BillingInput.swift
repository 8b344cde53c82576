/// The validated input of a run: every reference resolves, every id is unique.
public struct BillingInput: Sendable {
    public var settings: Settings
    public var tenants: [String: Tenant]
    public var products: [String: Product]
    /// In id order, so every pass over them is deterministic.
    public var subscriptions: [Subscription]

    public init(settings: Settings, tenants: [String: Tenant], products: [String: Product], subscriptions: [Subscription]) {
        self.settings = settings
        self.tenants = tenants
        self.products = products
        self.subscriptions = subscriptions.sorted { $0.id < $1.id }
    }

    public func currency(of tenant: Tenant) -> Currency { settings.currency(tenant.currency) }
}
