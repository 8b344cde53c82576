import Foundation
import Synchronization
import TagihCore
import TagihIO

/// `payments.xlsx` written on a thread of its own while the run applies its payments. Its
/// Payments sheet is most of a month's cells (13.5 million in the bench month) and applying
/// keeps one core busy, so the other core writes the earlier runs' rows and then this run's
/// as they come. Rows travel in batches through a short queue, so memory stays bounded
/// whatever the number of payments; the sheet gets the same rows in the same order as when it
/// was written from the journals afterwards.
final class PaymentsWriter: @unchecked Sendable {
    typealias Row = (payment: Payment, effect: PaymentEffect)
    /// Rows per batch, and batches the queue holds before the applying thread waits.
    static let batchSize = 512
    static let queueLength = 8

    private let condition = NSCondition()
    // Guarded by `condition`.
    private var queue: [[Row]] = []
    private var closed = false
    private var failure: String?
    /// Set by `cancel`, read by the writing thread between rows.
    private let cancelled = Atomic<Bool>(false)
    /// The applying thread's batch being filled.
    private var batch: [Row] = []
    private let done = DispatchGroup()
    /// Set by the writing thread; read once it has finished (`done`).
    private var book: PaymentsWorkbook?

    struct Cancelled: Error {}

    /// Starts the thread: it opens the workbook, writes the rows of `earlierRuns` (their
    /// `runs/<as-of>/` folders, in order), then this run's as they are sent.
    init(earlierRuns: [String], open: @escaping @Sendable () throws -> PaymentsWorkbook) {
        done.enter()
        Thread.detachNewThread { [self] in
            defer { done.leave() }
            do {
                let book = try open()
                self.book = book
                try MonthJournal.forEachPayment(inRuns: earlierRuns) { payment, effect in
                    if cancelled.load(ordering: .relaxed) { throw Cancelled() }
                    try book.add(payment, effect)
                }
                while let rows = take() {
                    for row in rows { try book.add(row.payment, row.effect) }
                }
            } catch {
                condition.lock()
                failure = error is Cancelled ? nil : "\(error)"
                closed = true
                queue.removeAll()
                condition.broadcast()
                condition.unlock()
            }
        }
    }

    /// The next batch, waiting for one; nil once the queue is closed and empty.
    private func take() -> [Row]? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !closed { condition.wait() }
        guard !queue.isEmpty else { return nil }
        condition.broadcast()
        return queue.removeFirst()
    }

    /// One row of this run, in the order applied (from the applying thread).
    func send(_ payment: Payment, _ effect: PaymentEffect) throws {
        batch.append((payment, effect))
        if batch.count == Self.batchSize { try flush() }
    }

    private func flush() throws {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= Self.queueLength && !closed { condition.wait() }
        if let failure { throw OutputError(failure) }
        guard !closed else {
            batch.removeAll(keepingCapacity: true)
            return
        }
        queue.append(batch)
        batch = []
        batch.reserveCapacity(Self.batchSize)
        condition.broadcast()
    }

    private func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until every row sent is written and hands the workbook over, for `finish`.
    func finish() throws -> PaymentsWorkbook {
        if !batch.isEmpty { try flush() }
        close()
        done.wait()
        if let failure = condition.withLock({ failure }) { throw OutputError(failure) }
        guard let book else { throw OutputError("payments.xlsx was not written") }
        return book
    }

    /// Stops the thread without finishing (the run stopped before writing); what it wrote
    /// is in the work folder, which goes with the run.
    func cancel() {
        cancelled.store(true, ordering: .relaxed)
        close()
        done.wait()
    }
}
