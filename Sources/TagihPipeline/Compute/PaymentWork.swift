import Foundation
import TagihCore
import TagihIO

/// The memory the payment sorters may hold, whatever the number of payments: past it they
/// spill sorted runs to disk. Two large sorters are alive one after the other (by id while
/// reading, by time while applying); the two small ones live through the run.
public struct SortBudget: Sendable {
    public static let defaultMegabytes = 64
    let byId: Int
    let byTime: Int
    let small: Int

    public init(megabytes: Int = SortBudget.defaultMegabytes) {
        let total = max(megabytes, 4) << 20
        byId = total * 2 / 5
        byTime = total * 2 / 5
        small = total / 10
    }
}

/// The payments of one run on their way through the sorters, which spill into a scratch
/// folder inside the run's private output folder (removed with it).
final class PaymentWork {
    private let spill: String
    private let input: BillingInput
    private let loaded: LoadedInput
    private let byId: ExternalSorter
    private var remembered: ExternalSorter?
    private let collected: ExternalSorter
    private var collectedCount: UInt64 = 0
    private var record: [UInt8] = []
    private let files: [String]
    private let fileNumbers: [String: UInt16]
    let rowsRead: Int
    private let budget: SortBudget

    /// Reads and validates every payment source into the first sorter; problems go to `diagnostics`.
    init(folder: OutputFolder, input: BillingInput, loaded: LoadedInput, budget: SortBudget, diagnostics: inout Diagnostics) throws {
        self.budget = budget
        spill = folder.path(".spill")
        try folder.makeSubfolder(".spill")
        self.input = input
        self.loaded = loaded
        byId = ExternalSorter(directory: spill, label: "by-id", memoryBudget: budget.byId, prefix: PaymentRecord.idPrefix, less: PaymentRecord.lessById)
        let intake = PaymentIntake()
        var record: [UInt8] = []
        var sequence: UInt64 = 0
        let byId = self.byId
        try intake.read(loaded.folder, decoding: PaymentDecoding(settings: input.settings, tenants: input.tenants),
                        diagnostics: &diagnostics) { payment, file in
            PaymentRecord.encode(payment, sequence: sequence, file: file, previous: nil, into: &record)
            sequence += 1
            try byId.add(record)
        }
        files = intake.files
        fileNumbers = Dictionary(uniqueKeysWithValues: intake.files.enumerated().map { ($0.element, UInt16($0.offset)) })
        rowsRead = intake.rowsRead
        collected = ExternalSorter(directory: spill, label: "collections", memoryBudget: budget.small, prefix: CollectionRecord.sequence,
                                   less: { CollectionRecord.sequence($0) < CollectionRecord.sequence($1) })
    }

    /// Keeps a counted collection for the disbursement statement, on disk past a small budget.
    func recordCollection(_ item: CollectedPayment) throws {
        CollectionRecord.encode(item, sequence: collectedCount, file: fileNumbers[item.payment.source.file] ?? 0, into: &record)
        collectedCount += 1
        try collected.add(record)
    }

    /// The counted collections in the order they were counted, one per call.
    func collections() throws -> () throws -> CollectedPayment? {
        let stream = try collected.sorted()
        let files = self.files
        return { try stream.next { CollectionRecord.decode($0, files: files) } }
    }

    /// How many payments went through each pass, for the run's checks.
    struct Counts {
        var rowsSorted = 0
        var distinct = 0
        var copiesMerged = 0
        var sortedByTime = 0
    }

    /// Deduplicates against state, then applies in time order, calling `report` for each payment.
    @discardableResult
    func apply(to ledger: inout Ledger, disbursements: inout Disbursements, state: BillingState, newHorizon: Instant,
               report: (Payment, PaymentEffect) throws -> Void) throws -> Counts {
        let statePayments = try loaded.statePath.map {
            try StatePayments(path: $0, name: loaded.stateName ?? "state.yaml", currencies: input.settings.currencies)
        } ?? StatePayments()
        let byTime = ExternalSorter(directory: spill, label: "by-time", memoryBudget: budget.byTime, prefix: PaymentRecord.timePrefix, less: PaymentRecord.lessByTime)
        let remembered = ExternalSorter(directory: spill, label: "remembered", memoryBudget: budget.small,
                                        prefix: AppliedPaymentRecord.idPrefix, less: AppliedPaymentRecord.lessById)
        self.remembered = remembered
        var passes = PaymentPasses(files: files)
        let deduplicated = try passes.deduplicate(try byId.sorted(), state: statePayments, newHorizon: newHorizon, byTime: byTime, remembered: remembered)
        Trace.mark("merged copies of payments and matched them with state")
        try passes.apply(try byTime.sorted(), ledger: &ledger, disbursements: &disbursements, zone: input.settings.zone, oldHorizon: state.paymentHorizon,
                         newHorizon: newHorizon, remembered: remembered, report: report)
        return Counts(rowsSorted: byId.count, distinct: deduplicated.payments, copiesMerged: deduplicated.duplicates, sortedByTime: byTime.count)
    }

    /// The payments the next state remembers, in id order, one per call.
    func rememberedPayments() throws -> () throws -> AppliedPayment? {
        guard let remembered else { return { nil } }
        let stream = try remembered.sorted()
        return { try stream.next { AppliedPaymentRecord.decode($0) } }
    }

    /// Removes the scratch files so they never reach the final folder.
    func finish() throws {
        try? FileManager.default.removeItem(atPath: spill)
    }
}
