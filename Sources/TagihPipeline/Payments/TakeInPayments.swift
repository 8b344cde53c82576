import Foundation
import TagihCore
import TagihIO

/// The memory the payment sorters may hold, whatever the number of payments: past it they
/// spill sorted runs to disk. Two large sorters are alive one after the other (by id while
/// reading, by time while applying); the small one lives through the run.
public struct SortBudget: Sendable {
    public static let defaultMegabytes = 64
    public static let range = 4...4096
    let byId: Int
    let byTime: Int
    let small: Int

    public init(megabytes: Int = SortBudget.defaultMegabytes) {
        let total = min(max(megabytes, SortBudget.range.lowerBound), SortBudget.range.upperBound) << 20
        byId = total * 2 / 5
        byTime = total * 2 / 5
        small = total / 10
    }
}

/// The take-in-payments stage: every payment source read and validated into a sorter in the
/// scratch folder (rows dated after the as-of left to wait), copies merged, matched with what
/// the state remembers, then handed to the run in the order paid.
final class TakeInPayments {
    private let scratch: String
    private let byId: ExternalSorter
    private let byTime: ExternalSorter
    private let remembered: ExternalSorter
    private var files: [String]
    private var record: [UInt8] = []
    let rowsRead: Int
    /// Rows dated after the as-of: they wait for a later run.
    let waiting: Int
    private(set) var counts = PaymentPasses.DedupeCounts()

    /// Reads and validates every payment source into the first sorter; problems go to `diagnostics`.
    init(_ context: RunContext, input: BillingInput, scratch: String, diagnostics: inout Diagnostics) throws {
        self.scratch = scratch
        let budget = context.options.sortBudget
        byId = ExternalSorter(directory: scratch, label: "by-id", memoryBudget: budget.byId, prefix: PaymentRecord.idPrefix, less: PaymentRecord.lessById)
        byTime = ExternalSorter(directory: scratch, label: "by-time", memoryBudget: budget.byTime, prefix: PaymentRecord.timePrefix, less: PaymentRecord.lessByTime)
        remembered = ExternalSorter(directory: scratch, label: "remembered", memoryBudget: budget.small,
                                    prefix: AppliedPaymentRecord.idPrefix, less: AppliedPaymentRecord.lessById)
        let intake = PaymentIntake()
        var record: [UInt8] = []
        var sequence: UInt64 = 0
        var waiting = 0
        let end = context.span.end(in: context.zone)
        let byId = self.byId
        // Amounts are bounded one by one at the reader; their sum per currency is bounded here,
        // so no balance or total derived from them can leave 64 bits.
        var sums: [CurrencyCode: Int64] = [:]
        var tooMuch: [Diagnostic] = []
        try intake.read(context.folder, decoding: PaymentDecoding(settings: input.settings, tenants: input.tenants),
                        diagnostics: &diagnostics) { payment, file in
            guard payment.paidAt < end else {
                waiting += 1
                return
            }
            let sum = sums[payment.amount.currency, default: 0] + Int64(payment.amount.minor.magnitude)
            sums[payment.amount.currency] = sum
            if sum > Money.largestRunTotal && tooMuch.isEmpty {
                let limit = ExactDecimal(units: Money.largestRunTotal, scale: context.settings.currency(payment.amount.currency).minorUnits)
                tooMuch.append(Diagnostic(payment.source, value: payment.id,
                    "the payments up to this one add up to more than \(payment.amount.currency) \(limit), more than one run can count; split the exports over several runs"))
            }
            PaymentRecord.encode(payment, sequence: sequence, file: file, previous: nil, into: &record)
            sequence += 1
            try byId.add(record)
        }
        for problem in tooMuch { diagnostics.add(problem) }
        files = intake.files
        for open in context.state.openPayments where !files.contains(open.payment.source.file) { files.append(open.payment.source.file) }
        rowsRead = intake.rowsRead
        self.waiting = waiting
    }

    /// Merges copies and matches them with the state, then returns the run's payments in the
    /// order paid, one per call.
    func feed(_ context: RunContext) throws -> () throws -> PaymentItem? {
        let state = try context.statePayments.map { try RunReader(path: $0) }
        var passes = PaymentPasses(files: files)
        counts = try passes.deduplicate(try byId.sorted(), remembered: state, open: context.state.openPayments,
                                        oldHorizon: context.state.memoryHorizon, newHorizon: context.setup.memoryHorizon,
                                        byTime: byTime, remembered: remembered)
        Trace.mark("merged copies of payments and matched them with state")
        let stream = try byTime.sorted()
        let files = self.files
        return {
            try stream.next { bytes in
                let (payment, previous, wasOpen, _) = PaymentRecord.decode(bytes, files: files)
                return PaymentItem(payment: payment, previous: previous, wasOpen: wasOpen)
            }
        }
    }

    /// Keeps what the next state remembers of a payment (inside its memory).
    func remember(_ payment: AppliedPayment, horizon: Instant) throws {
        guard payment.paidAt >= horizon else { return }
        AppliedPaymentRecord.encode(payment, into: &record)
        try remembered.add(record)
    }

    /// The payments the next state remembers, in id order, one per call.
    func rememberedPayments() throws -> () throws -> AppliedPayment? {
        let stream = try remembered.sorted()
        return { try stream.next { AppliedPaymentRecord.decode($0) } }
    }

    /// How many payments went through each pass, for the run's checks (outcomes aside).
    var paymentCounts: Reconciliation.PaymentCounts {
        var result = Reconciliation.PaymentCounts()
        result.rowsSorted = byId.count
        result.distinct = counts.payments + counts.nearDuplicates.count + counts.beforeMemory
        result.copiesMerged = counts.duplicates
        result.setAside = counts.nearDuplicates.count + counts.beforeMemory
        result.carried = counts.carriedOpen
        result.sortedByTime = byTime.count
        return result
    }
}
