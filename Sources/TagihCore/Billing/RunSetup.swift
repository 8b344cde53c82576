/// What a run's billing needs to know besides its input and the previous state: settled
/// once by the run's context and handed to every stage.
public struct RunSetup: Sendable {
    /// The days the run covers.
    public var span: Span
    /// Records dated before this moment are taken as handled by earlier runs; the next
    /// state remembers what is dated since.
    public var memoryHorizon: Instant

    public init(span: Span, memoryHorizon: Instant) {
        self.span = span
        self.memoryHorizon = memoryHorizon
    }

    /// The first moment the next run still remembers: `memoryDays` before the day after `asOf`.
    public static func memoryHorizon(asOf: CivilDate, memoryDays: Int, zone: Zone) -> Instant {
        zone.startOfDay(asOf.adding(days: 1 - memoryDays))
    }
}

/// One payment as the run's time-ordered feed hands it over, with what earlier runs knew of it.
public struct PaymentItem: Sendable {
    public var payment: Payment
    /// What an earlier run settled of it; nil when none did.
    public var previous: AppliedPayment?
    /// Seen by an earlier run but not settled then (pending, or matching nothing).
    public var wasOpen: Bool

    public init(payment: Payment, previous: AppliedPayment? = nil, wasOpen: Bool = false) {
        self.payment = payment
        self.previous = previous
        self.wasOpen = wasOpen
    }
}

/// A warning about one input record, with where the record was read.
public struct Finding: Sendable, Equatable {
    public var location: SourceLocation
    public var value: String
    public var warning: RunWarning

    public init(_ location: SourceLocation, value: String = "", _ warning: RunWarning) {
        self.location = location
        self.value = value
        self.warning = warning
    }
}

/// An order whose payment code lapsed unpaid.
public struct ExpiredOrder: Sendable {
    public var order: PendingOrder
    public var total: Money
    /// What had been paid on it, now the tenant's credit.
    public var movedToCredit: Money

    public init(order: PendingOrder, total: Money, movedToCredit: Money) {
        self.order = order
        self.total = total
        self.movedToCredit = movedToCredit
    }
}

/// An order paid off: it gets a receipt.
public struct PaidOrder: Sendable {
    public var order: PendingOrder
    public var total: Money
    public var paidAt: Instant

    public init(order: PendingOrder, total: Money, paidAt: Instant) {
        self.order = order
        self.total = total
        self.paidAt = paidAt
    }
}
