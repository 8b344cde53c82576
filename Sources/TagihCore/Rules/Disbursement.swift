/// A tenant's payout window: a week (Monday to Sunday) or a calendar month, in the
/// operator's time zone.
public struct PayoutWindow: Hashable, Comparable, Sendable {
    public let tenantId: String
    public let start: CivilDate
    /// The window's last day.
    public let end: CivilDate

    public init(tenantId: String, start: CivilDate, end: CivilDate) {
        self.tenantId = tenantId
        self.start = start
        self.end = end
    }

    /// The window a day falls in for a schedule; a tenant on hold accrues by calendar month.
    public static func containing(_ date: CivilDate, tenantId: String, schedule: PayoutSchedule) -> PayoutWindow {
        switch schedule {
        case .weekly:
            let monday = date.adding(days: 1 - date.isoWeekday)
            return PayoutWindow(tenantId: tenantId, start: monday, end: monday.adding(days: 6))
        case .monthly, .hold:
            return PayoutWindow(tenantId: tenantId, start: date.period.firstDay, end: date.period.lastDay)
        }
    }

    public static func < (a: PayoutWindow, b: PayoutWindow) -> Bool { (a.tenantId, a.start) < (b.tenantId, b.start) }
}

/// The money of one tenant's window so far.
public struct WindowSums: Sendable, Equatable {
    public var gross: Money
    public var refunds: Money
    public var fees: Money
    public var collections: Int

    public init(currency: CurrencyCode) {
        gross = .zero(currency)
        refunds = .zero(currency)
        fees = .zero(currency)
        collections = 0
    }

    public init(gross: Money, refunds: Money, fees: Money, collections: Int) {
        self.gross = gross
        self.refunds = refunds
        self.fees = fees
        self.collections = collections
    }
}

/// One collection as the disbursement statement shows it.
public struct CollectedPayment: Sendable {
    public init(payment: Payment, window: PayoutWindow, fee: Money, deposit: Money? = nil, adminFee: Money? = nil, notes: [CollectionNote] = [], laterRefund: Money? = nil) {
        self.payment = payment
        self.window = window
        self.fee = fee
        self.deposit = deposit
        self.adminFee = adminFee
        self.notes = notes
        self.laterRefund = laterRefund
    }

    public var payment: Payment
    public var window: PayoutWindow
    public var fee: Money
    /// The part of an appointment payment that is a deposit towards the patient's bill.
    public var deposit: Money?
    public var adminFee: Money?
    /// Empty when as expected; otherwise what is worth a look (paid out as paid all the same).
    public var notes: [CollectionNote]
    /// A refund found for a collection counted by an earlier run.
    public var laterRefund: Money?
}

/// What became of one window this run: paid out (with the balance carried into it) or held.
///
/// Kept compact (one currency, amounts as minor units, the rare hold out of line, the
/// reference made from the window when asked): a month holds one per tenant and window,
/// 85,000 at 100,000 tenants, and they grew by doubling while the month was applied.
public struct WindowPayout: Sendable {
    public let window: PayoutWindow
    private let currency: CurrencyCode
    private let collections: Int32
    /// gross, refunds, fees, commission, net, carried in, amount.
    private let minors: (Int64, Int64, Int64, Int64, Int64, Int64, Int64)
    private let held: Boxed<HoldReason>?

    public var sums: WindowSums {
        WindowSums(gross: money(minors.0), refunds: money(minors.1), fees: money(minors.2), collections: Int(collections))
    }
    public var commission: Money { money(minors.3) }
    /// `gross - refunds - fees - commission`.
    public var net: Money { money(minors.4) }
    /// Balance carried in from earlier held windows and later refunds.
    public var carriedIn: Money { money(minors.5) }
    /// What this window's transfer sends (net plus carried in); zero when held.
    public var amount: Money { money(minors.6) }
    /// Nil when paid; otherwise why it is held.
    public var hold: HoldReason? { held?.value }
    /// The transfer reference of the window (`PayoutReference`).
    public var reference: String { PayoutReference.make(tenant: window.tenantId, window: window) }

    public var isPaid: Bool { held == nil }

    /// Every amount is in the window's one currency.
    public init(window: PayoutWindow, sums: WindowSums, commission: Money, net: Money, carriedIn: Money, amount: Money, hold: HoldReason?) {
        let currency = sums.gross.currency
        for other in [sums.refunds, sums.fees, commission, net, carriedIn, amount] {
            precondition(other.currency == currency, "a payout window's amounts are in one currency")
        }
        self.window = window
        self.currency = currency
        self.collections = Int32(clamping: sums.collections)
        minors = (sums.gross.minor, sums.refunds.minor, sums.fees.minor, commission.minor, net.minor, carriedIn.minor, amount.minor)
        held = hold.map(Boxed.init)
    }

    private func money(_ minor: Int64) -> Money { Money(minor: minor, currency: currency) }
}

/// A tenant's balance carried to the next run: held payouts, less refunds found after the
/// money had gone out.
public struct PayoutBalance: Sendable, Equatable {
    public var tenantId: String
    public var amount: Money
    public var reason: HoldReason?

    public init(tenantId: String, amount: Money, reason: HoldReason?) {
        self.tenantId = tenantId
        self.amount = amount
        self.reason = reason
    }
}

/// Rule 9: money collected for tenants, summed per tenant and payout window, paid out once a
/// window has ended: `gross - refunds - gateway fees - platform commission`, the fee per payment
/// (the export's own, else `settings.fees` by method), the commission once per window. A tenant
/// on hold, without a bank account, or whose payout is under `min_payout` is not paid: the money
/// stays in its balance, carried in state into its next payout. Nothing is lost or paid twice.
public struct Disbursements {
    public private(set) var windows: [PayoutWindow: WindowSums] = [:]
    public private(set) var balances: [String: Money] = [:]
    private var balanceReasons: [String: HoldReason] = [:]
    private let settings: Settings
    private let tenants: Directory<Tenant>
    /// Where each collection goes once counted: they are as many as the payments, so they are
    /// handed on, never kept here.
    private let record: (CollectedPayment) throws -> Void

    public init(settings: Settings, tenants: Directory<Tenant>, openWindows: [(PayoutWindow, WindowSums)], balances: [PayoutBalance],
                record: @escaping (CollectedPayment) throws -> Void = { _ in }) {
        self.settings = settings
        self.tenants = tenants
        self.record = record
        for (window, sums) in openWindows { windows[window] = sums }
        for balance in balances {
            self.balances[balance.tenantId] = balance.amount
            balanceReasons[balance.tenantId] = balance.reason
        }
    }

    /// The gateway's fee on one payment: the export's own, else the method's rule, rounded once.
    public func fee(for payment: Payment) -> (fee: Money, note: CollectionNote?) {
        if let fee = payment.fee { return (fee, nil) }
        let currency = settings.currency(payment.amount.currency)
        guard let rule = settings.fees[payment.method] else {
            return (.zero(currency.code), payment.method.isEmpty ? .noMethod : .noFeeRule(method: payment.method))
        }
        var exact = Fraction(0)
        if let percent = rule.percent { exact = payment.amount.fraction(minorUnits: currency.minorUnits) * percent.fraction }
        if let fixed = rule.fixed { exact = exact + fixed.fraction }
        return (Money(minor: exact.roundedToMinorUnits(currency.minorUnits), currency: currency.code), nil)
    }

    /// Counts one collection. `previous` is what an earlier run counted of the same payment;
    /// returns what state must remember of it, or nil when nothing.
    public mutating func collect(_ payment: Payment, previous: AppliedPayment?, on day: CivilDate) throws -> AppliedPayment? {
        guard let tenant = tenants[payment.tenantId], payment.status.settles else { return previous }
        let currency = payment.amount.currency
        if let previous {
            // Seen before: only a refund since can change anything.
            let more = payment.refunded - previous.refunded
            guard more.isPositive else { return previous }
            let key = windowKey(previous.invoice, tenant: tenant.id)
            var collection = CollectedPayment(payment: payment, window: key ?? PayoutWindow.containing(day, tenantId: tenant.id, schedule: tenant.payoutSchedule),
                                        fee: .zero(currency), laterRefund: more)
            if let key, var sums = windows[key] {
                sums.refunds += more
                windows[key] = sums
            } else {
                // Its window was paid out already: the refund comes off the tenant's next payout.
                balances[tenant.id, default: .zero(currency)] -= more
                balanceReasons[tenant.id] = .refundAfterPayout(payment: payment.id)
                collection.notes = [.refundedAfterPayout]
            }
            try record(collection)
            var remembered = previous
            remembered.refunded = payment.refunded
            remembered.received = payment.netReceived
            return remembered
        }
        let window = PayoutWindow.containing(day, tenantId: tenant.id, schedule: tenant.payoutSchedule)
        let (fee, feeNote) = fee(for: payment)
        var sums = windows[window] ?? WindowSums(currency: currency)
        sums.gross += payment.amount
        sums.refunds += payment.refunded
        sums.fees += fee
        sums.collections += 1
        windows[window] = sums
        var collection = CollectedPayment(payment: payment, window: window, fee: fee, notes: feeNote.map { [$0] } ?? [])
        if payment.purpose == .appointment {
            checkAppointment(&collection, tenant: tenant)
            // A refunded booking leaves nothing to take off the patient's bill.
            if payment.refunded.isPositive, let deposit = collection.deposit {
                collection.deposit = Money.max(deposit - payment.refunded, .zero(currency))
                collection.notes.append(.refunded(payment.refunded))
            }
        }
        try record(collection)
        return AppliedPayment(id: payment.id, paidAt: payment.paidAt, tenantId: tenant.id, received: payment.netReceived,
                              refunded: payment.refunded, invoice: "window:\(window.start)", toInvoice: .zero(currency), toCredit: .zero(currency),
                              kind: .collected)
    }

    private func windowKey(_ marker: String, tenant: String) -> PayoutWindow? {
        guard marker.hasPrefix("window:"), case .success(let start) = CivilDate.parse(String(marker.dropFirst(7))) else { return nil }
        return windows.keys.first { $0.tenantId == tenant && $0.start == start }
    }

    /// An appointment should be the clinic's fee plus the admin fee for the patient type; the
    /// fee is a deposit towards the patient's bill at the visit.
    private func checkAppointment(_ collection: inout CollectedPayment, tenant: Tenant) {
        let paid = collection.payment.amount
        guard let fee = tenant.appointmentFee else {
            collection.notes.append(.noAppointmentFee(tenant: tenant.id))
            return
        }
        guard let type = collection.payment.patientType else {
            collection.notes.append(.noPatientType)
            collection.deposit = fee
            return
        }
        let admin = (type == .new ? tenant.adminFeeNew : tenant.adminFeeReturning) ?? .zero(fee.currency)
        collection.adminFee = admin
        let expected = fee + admin
        if paid != expected {
            collection.notes.append(.unexpectedAmount(paid: paid, expected: expected, appointmentFee: fee, patientType: type, adminFee: admin))
            collection.deposit = Money.max(paid - admin, .zero(paid.currency))
        } else {
            collection.deposit = fee
        }
    }

    /// Pays out every window that ended on or before `asOf`, in order per tenant, with the
    /// tenant's carried balance; returns them, and leaves the open windows and balances for state.
    public mutating func payOut(asOf: CivilDate) -> [WindowPayout] {
        var result: [WindowPayout] = []
        payOut(asOf: asOf, into: &result)
        return result
    }

    /// The same, appended to `payouts`, which grows once by exactly as many: on the month's
    /// last day most windows end together, and an array grown by doubling and then added to
    /// the run's payouts held three copies of them at the run's peak (24 MB at 100,000 tenants).
    public mutating func payOut(asOf: CivilDate, into payouts: inout [WindowPayout]) {
        let ending = windows.keys.filter({ $0.end <= asOf }).sorted()
        guard !ending.isEmpty else { return }
        payouts.reserveCapacity(payouts.count + ending.count)
        let minimum = settings.minPayout
        for window in ending {
            let sums = windows.removeValue(forKey: window)!
            let tenant = tenants[window.tenantId]
            let currency = settings.currency(sums.gross.currency)
            let base = (sums.gross - sums.refunds).fraction(minorUnits: currency.minorUnits) * settings.platformCommission.fraction
            let commission = Money(minor: base.roundedToMinorUnits(currency.minorUnits), currency: currency.code)
            let net = sums.gross - sums.refunds - sums.fees - commission
            let carried = balances[window.tenantId] ?? .zero(currency.code)
            let amount = net + carried
            var hold: HoldReason?
            if tenant?.payoutSchedule == .hold {
                hold = .tenantOnHold
            } else if tenant?.bank == nil {
                hold = .noBankAccount
            } else if !amount.isPositive {
                hold = .nothingToPay(balance: amount)
            } else if currency.code == settings.currency && amount.fraction(minorUnits: currency.minorUnits) < minimum.fraction {
                // min_payout is in the operator's currency: it applies to payouts in that currency.
                hold = .underMinimum(minimum: minimum, currency: currency.code)
            }
            if let hold {
                balances[window.tenantId] = amount
                balanceReasons[window.tenantId] = hold
            } else {
                balances[window.tenantId] = nil
                balanceReasons[window.tenantId] = nil
            }
            payouts.append(WindowPayout(window: window, sums: sums, commission: commission, net: net, carriedIn: carried,
                                        amount: hold == nil ? amount : .zero(currency.code), hold: hold))
        }
    }

    /// Windows not yet ended, for state.
    public var openWindows: [(PayoutWindow, WindowSums)] {
        windows.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Balances to carry, for state.
    public var carriedBalances: [PayoutBalance] {
        balances.filter { !$0.value.isZero }.sorted { $0.key < $1.key }
            .map { PayoutBalance(tenantId: $0.key, amount: $0.value, reason: balanceReasons[$0.key]) }
    }
}

/// A transfer reference unique per tenant and window, short and plain enough for bank uploads:
/// `PO-KLK001-20261102`.
public enum PayoutReference {
    public static func make(tenant: String, window: PayoutWindow) -> String {
        let (year, month, day) = window.start.components
        let letters = String(String.UnicodeScalarView(tenant.uppercased().unicodeScalars.filter { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }))
        let date = "\(year)\(month < 10 ? "0" : "")\(month)\(day < 10 ? "0" : "")\(day)"
        return "PO-\(letters.prefix(20))-\(date)"
    }
}
