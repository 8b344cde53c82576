@testable import TagihCore

/// Runs the billing engine over days as a run would, for tests: the span from `from` to `to`,
/// the payments fed in time order.
struct TestRun {
    var journal: RunJournal
    /// The invoices the run issued, in number order, as a journal file would receive them.
    var issued: [Invoice]
    var next: BillingState
    var effects: [(payment: Payment, effect: PaymentEffect)]

    init(_ input: BillingInput, state: BillingState = BillingState(), from: String, to: String, payments: [Payment] = [],
         previous: [String: AppliedPayment] = [:], paymentCode: @escaping (String) -> String = { "PC-\($0)" }, memoryDays: Int = 62) {
        let span = Span(first: day(from), last: day(to))
        let setup = RunSetup(span: span, memoryHorizon: RunSetup.memoryHorizon(asOf: span.last, memoryDays: memoryDays, zone: input.settings.zone))
        let collected = Collected()
        var run = BillingRun(input: input, state: state, orders: input.orders, setup: setup, paymentCode: paymentCode,
                             recordInvoice: { collected.invoices.append($0) })
        var queue = payments.sorted { ($0.paidAt, $0.id) < ($1.paidAt, $1.id) }[...]
        var effects: [(Payment, PaymentEffect)] = []
        try! run.run(payments: { queue.popFirst().map { PaymentItem(payment: $0, previous: previous[$0.id]) } }) { effects.append(($0, $1)) }
        next = run.finish(previous: state)
        journal = run.journal
        issued = collected.invoices
        self.effects = effects
    }

    func effect(_ id: String) -> PaymentEffect? { effects.first { $0.payment.id == id }?.effect }
    func receivable(_ number: String) -> Receivable? { next.receivables.first { $0.number == number } }
}

/// The invoices handed to `recordInvoice`, kept for the test to look at.
private final class Collected {
    var invoices: [Invoice] = []
}
