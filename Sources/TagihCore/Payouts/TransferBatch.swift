/// One transfer per tenant per run. A run that pays out several windows of one tenant (weekly
/// windows in a run over a month) sends their sum in one transfer, which the bank charges
/// once, and lists the windows it pays. Windows are still paid or held one by one (rule 9);
/// only what leaves the bank is joined.
public enum TransferBatch {
    /// The transfers of a run's paid windows, by tenant id (then currency, should a tenant's
    /// windows be in two); held windows and tenants without a bank account send nothing.
    public static func transfers(_ payouts: [WindowPayout], tenants: Directory<Tenant>, asOf: CivilDate) -> [PayoutTransfer] {
        struct Key: Hashable, Comparable {
            let tenant: String
            let currency: CurrencyCode
            static func < (a: Key, b: Key) -> Bool { (a.tenant, a.currency) < (b.tenant, b.currency) }
        }
        var groups: [Key: [WindowPayout]] = [:]
        for payout in payouts where payout.isPaid {
            groups[Key(tenant: payout.window.tenantId, currency: payout.amount.currency), default: []].append(payout)
        }
        var transfers: [PayoutTransfer] = []
        var used: [String: Int] = [:]
        for key in groups.keys.sorted() {
            guard let windows = groups[key], let tenant = tenants[key.tenant], let bank = tenant.bank else { continue }
            let amount = windows.dropFirst().reduce(windows[0].amount) { $0 + $1.amount }
            // Tenant ids that differ only in punctuation share the letters a reference keeps: the
            // later ones (in id order) get `-2`, `-3`, which no plain reference has.
            let base = reference(tenant: key.tenant, asOf: asOf)
            let seen = used[base, default: 0] + 1
            used[base] = seen
            transfers.append(PayoutTransfer(
                tenantId: key.tenant, reference: seen == 1 ? base : "\(base)-\(seen)", dated: asOf, amount: amount, account: bank,
                email: tenant.email, phone: tenant.phone, windows: windows.sorted { $0.window < $1.window }.map(\.reference)
            ))
        }
        return transfers
    }

    /// `TF-KLK001-20261130`: the tenant id's letters and digits and the run's as-of. Not `PO-`:
    /// a window's reference has the same shape with its start date, and a run on a Monday (or
    /// the 1st) would give its transfer the very reference of the window that begins that day.
    public static func reference(tenant: String, asOf: CivilDate) -> String {
        let window = PayoutReference.make(tenant: tenant, window: PayoutWindow(tenantId: tenant, start: asOf, end: asOf))
        return "TF" + window.dropFirst(2)
    }
}
