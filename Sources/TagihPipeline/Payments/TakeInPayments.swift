import Dispatch
import Foundation
import Synchronization
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
        let sources = PaymentIntake.sources(context.folder)
        let decoding = PaymentDecoding(settings: input.settings, tenants: input.tenants)
        let end = context.span.end(in: context.zone)
        // The files are read side by side, one per core. A record's sequence number is its
        // file's place and its row within the file, so the sorted order, and all that
        // follows from it, is what reading them one after another gives.
        let reads = Self.readSideBySide(sources, folder: context.folder, decoding: decoding, end: end, into: byId)
        var rows = 0, waiting = 0
        for read in reads {
            diagnostics.add(contentsOf: read.diagnostics)
            rows += read.rows
            waiting += read.waiting
        }
        if let failure = reads.lazy.compactMap(\.failure).first { throw OutputError(failure) }
        // Amounts are bounded one by one at the reader; their sum per currency is bounded here,
        // so no balance or total derived from them can leave 64 bits.
        if let problem = Self.firstPastLimit(reads, sources: sources, folder: context.folder, decoding: decoding, end: end, settings: context.settings) {
            diagnostics.add(problem)
        }
        files = sources.map(\.name)
        for open in context.state.openPayments where !files.contains(open.payment.source.file) { files.append(open.payment.source.file) }
        rowsRead = rows
        self.waiting = waiting
    }

    /// What reading one payment file gave.
    struct FileRead: Sendable {
        var diagnostics = Diagnostics()
        var rows = 0
        /// Rows dated after the as-of, left to wait.
        var waiting = 0
        /// The amounts taken in, per currency (held at `Int64.max` rather than overflowing).
        var sums: [CurrencyCode: Int64] = [:]
        /// Why the read stopped, when something other than the input did (the sorter's disk).
        var failure: String?
    }

    /// Reads every file into `sorter`, each on its own core where there are more; a read hands
    /// its records over in batches, so the two readers rarely wait for the sorter's lock.
    static func readSideBySide(_ sources: [(name: String, kind: PaymentIntake.Kind)], folder: InputFolder, decoding: PaymentDecoding,
                               end: Instant, into sorter: ExternalSorter) -> [FileRead] {
        let shared = Handoff(value: sorter)
        let lock = NSLock()
        let results = Mutex<[Int: FileRead]>([:])
        let progress = Progress.current
        let order = PaymentIntake.largestFirst(sources, in: folder)
        DispatchQueue.concurrentPerform(iterations: sources.count) { place in
            let index = order[place]
            Progress.$current.withValue(progress) {
                var read = FileRead()
                var batch: [UInt8] = []
                var ends: [Int] = []
                var row: UInt64 = 0
                let first = UInt64(index) << 40
                func hand() throws {
                    lock.lock()
                    defer { lock.unlock() }
                    try batch.withUnsafeBytes { bytes in
                        var start = 0
                        for end in ends {
                            try shared.value.add(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
                            start = end
                        }
                    }
                    batch.removeAll(keepingCapacity: true)
                    ends.removeAll(keepingCapacity: true)
                }
                let intake = PaymentIntake()
                var record: [UInt8] = []
                do {
                    try intake.read(folder, sources: [sources[index]], decoding: decoding, diagnostics: &read.diagnostics) { payment, _ in
                        guard payment.paidAt < end else {
                            read.waiting += 1
                            return
                        }
                        read.sums[payment.amount.currency, default: 0].addSaturating(Int64(payment.amount.minor.magnitude))
                        PaymentRecord.encode(payment, sequence: first | row, file: UInt16(index), previous: nil, into: &record)
                        row += 1
                        batch.append(contentsOf: record)
                        ends.append(batch.count)
                        if ends.count == Self.batchRecords { try hand() }
                    }
                    try hand()
                } catch {
                    read.failure = "\(error)"
                }
                read.rows = intake.rowsRead
                results.withLock { $0[index] = read }
            }
        }
        return results.withLock { all in (0..<sources.count).map { all[$0] ?? FileRead() } }
    }

    /// Records a reader gathers before taking the sorter's lock.
    static let batchRecords = 256

    /// The first payment, in reading order, at which the payments of its currency add up to more
    /// than one run can count, as a diagnostic; nil when none does. The file where that happens
    /// is found from the files' sums and read again to find the row (the rare, failing case).
    static func firstPastLimit(_ reads: [FileRead], sources: [(name: String, kind: PaymentIntake.Kind)], folder: InputFolder,
                               decoding: PaymentDecoding, end: Instant, settings: Settings) -> Diagnostic? {
        var before: [CurrencyCode: Int64] = [:]
        for (index, read) in reads.enumerated() {
            let past = read.sums.contains { currency, sum in
                var total = before[currency, default: 0]
                total.addSaturating(sum)
                return total > Money.largestRunTotal
            }
            guard past else {
                for (currency, sum) in read.sums { before[currency, default: 0].addSaturating(sum) }
                continue
            }
            var sums = before
            var found: Diagnostic?
            var ignored = Diagnostics()
            try? PaymentIntake().read(folder, sources: [sources[index]], decoding: decoding, diagnostics: &ignored) { payment, _ in
                guard found == nil, payment.paidAt < end else { return }
                let currency = payment.amount.currency
                sums[currency, default: 0].addSaturating(Int64(payment.amount.minor.magnitude))
                if sums[currency, default: 0] > Money.largestRunTotal {
                    let limit = ExactDecimal(units: Money.largestRunTotal, scale: settings.currency(currency).minorUnits)
                    found = Diagnostic(payment.source, value: payment.id,
                        "the payments up to this one add up to more than \(currency) \(limit), more than one run can count; split the exports over several runs")
                }
            }
            return found
        }
        return nil
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

private extension Int64 {
    /// Adds, staying at `Int64.max` instead of overflowing: a sum past the limit only has to
    /// stay past it.
    mutating func addSaturating(_ other: Int64) {
        let (sum, overflow) = addingReportingOverflow(other)
        self = overflow ? .max : sum
    }
}
