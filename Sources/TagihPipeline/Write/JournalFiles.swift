import Foundation
import TagihCore
import TagihIO

/// The journal files of one run, in `runs/<as-of>/` of its month folder: `invoices.bin`,
/// `payments.bin` and `collections.bin` written while the run issues and applies, `events.bin`
/// its dunning notices as they are made and the other small records when its billing is done.
/// Never changed once the run is committed.
final class JournalFiles {
    static let names = ["invoices.bin", "payments.bin", "collections.bin", "events.bin"]

    let folder: String
    private let invoices: JournalWriter
    private let payments: JournalWriter
    private let collections: JournalWriter
    private let events: JournalWriter
    /// Where each dunning notice starts in `events.bin`.
    private var dunningAt: [Int] = []
    private var record = ByteWriter(capacity: 512)
    /// Where each invoice of the run starts in `invoices.bin`, by number.
    private(set) var invoiceAt = InvoiceOffsets()

    init(folder: String) throws {
        self.folder = folder
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        invoices = try JournalWriter(path: folder + "/invoices.bin")
        payments = try JournalWriter(path: folder + "/payments.bin")
        collections = try JournalWriter(path: folder + "/collections.bin")
        events = try JournalWriter(path: folder + "/events.bin")
    }

    /// An invoice the run issued, in number order.
    func invoice(_ invoice: Invoice) throws {
        record.reset()
        JournalCodec.write(invoice, &record)
        let offset = try invoices.append(kind: JournalKind.invoice.rawValue, record)
        invoiceAt.add(invoice.number, at: offset)
    }

    /// Closes `invoices.bin` when the run has issued everything, so the checks can read it.
    func finishInvoices() throws { try invoices.close() }

    /// This run's invoices, read back from `invoices.bin` once it is closed.
    func forEachInvoice(_ body: (Invoice) throws -> Void) throws {
        try MonthJournal.forEachInvoice(inRuns: [folder], body)
    }

    /// A payment with a new outcome: one row of the month's Payments sheet.
    func payment(_ payment: Payment, _ effect: PaymentEffect) throws {
        record.reset()
        JournalCodec.write(payment, effect, &record)
        try payments.append(kind: JournalKind.payment.rawValue, record)
    }

    func collection(_ collection: CollectedPayment) throws {
        record.reset()
        JournalCodec.write(collection, &record)
        try collections.append(kind: JournalKind.collection.rawValue, record)
    }

    /// A dunning notice, as the run makes it.
    func dunning(_ notice: DunningNotice) throws {
        record.reset()
        JournalCodec.write(notice, &record)
        dunningAt.append(try events.append(kind: JournalKind.dunning.rawValue, record))
    }

    /// Writes the other small records and closes every file. `balances` are the run's checked
    /// roll-forward, per currency. Returns the run's dunning notices as written, for the write
    /// stage to read back.
    func finish(_ journal: RunJournal, balances: [Reconciliation.Balance]) throws -> DunningRecords {
        try payments.close()
        try collections.close()
        func add(_ kind: JournalKind, _ write: (inout ByteWriter) -> Void) throws {
            record.reset()
            write(&record)
            try events.append(kind: kind.rawValue, record)
        }
        for use in journal.voucherUses { try add(.voucherUse) { JournalCodec.write(use, &$0) } }
        for movement in journal.creditMovements { try add(.creditMovement) { JournalCodec.write(movement, &$0) } }
        for expired in journal.expiredOrders { try add(.expiredOrder) { JournalCodec.write(expired, &$0) } }
        for paid in journal.paidOrders { try add(.paidOrder) { JournalCodec.write(paid, &$0) } }
        for payout in journal.payouts { try add(.payout) { JournalCodec.write(payout, &$0) } }
        for late in journal.late { try add(.late) { JournalCodec.write(late, &$0) } }
        for note in journal.creditNotes { try add(.creditNote) { JournalCodec.write(note, &$0) } }
        for void in journal.voids { try add(.void) { JournalCodec.write(void, &$0) } }
        for row in journal.statements { try add(.statement) { JournalCodec.write(row, &$0) } }
        for balance in balances { try add(.balance) { JournalCodec.write(balance, &$0) } }
        for reconnection in journal.reconnections { try add(.reconnection) { JournalCodec.write(reconnection, &$0) } }
        for renewal in journal.renewals { try add(.renewal) { JournalCodec.write(renewal, &$0) } }
        try events.close()
        return DunningRecords(path: folder + "/events.bin", offsets: dunningAt)
    }
}

/// The journals of every run of a month so far, oldest first: what the month's workbooks are
/// made from. The small records are read at once; invoices, payments and collections are
/// streamed by whoever writes them.
struct MonthJournal {
    /// `runs/<as-of>/` folders, in as-of order.
    let runs: [String]
    private(set) var voucherUses: [VoucherUse] = []
    private(set) var creditMovements: [CreditMovement] = []
    private(set) var expiredOrders: [ExpiredOrder] = []
    private(set) var paidOrders: [PaidOrder] = []
    private(set) var payouts: [WindowPayout] = []
    private(set) var late: [LateRecord] = []
    private(set) var creditNotes: [CreditNote] = []
    private(set) var voids: [VoidRecord] = []
    /// Each run's balances, in run order. (Each run's statements are read as they are merged:
    /// `statementRows()`; held, a daily run's grew by 8 MB a day at 100,000 tenants, and the
    /// run being written's took 88 MB at a million.)
    private(set) var balances: [[Reconciliation.Balance]] = []
    private(set) var reconnections: [Reconnection] = []
    private(set) var renewals: [RenewalRecord] = []

    /// `current`: the last run's records, still in memory (the run being written), taken as
    /// they are rather than read back from its `events.bin`, so a month of one run holds them
    /// once; `balances` are that run's. Its statements and dunning notices are read back from
    /// its `events.bin` (`statementRows()`, `DunningRecords`), which must be written.
    init(runs: [String], current: RunJournal? = nil, balances currentBalances: [Reconciliation.Balance] = []) throws {
        self.runs = runs
        for run in current == nil ? runs[...] : runs.dropLast() {
            balances.append([])
            let reader = try JournalReader(path: run + "/events.bin")
            while try reader.next({ (kind: UInt8, bytes: UnsafeRawBufferPointer) -> Void in
                var input = ByteReader(bytes)
                switch JournalKind(rawValue: kind) {
                case .voucherUse?: voucherUses.append(JournalCodec.readVoucherUse(&input))
                case .creditMovement?: creditMovements.append(JournalCodec.readCreditMovement(&input))
                case .expiredOrder?: expiredOrders.append(JournalCodec.readExpiredOrder(&input))
                case .paidOrder?: paidOrders.append(JournalCodec.readPaidOrder(&input))
                case .payout?: payouts.append(JournalCodec.readPayout(&input))
                case .late?: late.append(JournalCodec.readLate(&input))
                case .creditNote?: creditNotes.append(JournalCodec.readCreditNote(&input))
                case .void?: voids.append(JournalCodec.readVoid(&input))
                case .balance?: balances[balances.count - 1].append(JournalCodec.readBalance(&input))
                case .reconnection?: reconnections.append(JournalCodec.readReconnection(&input))
                case .renewal?: renewals.append(JournalCodec.readRenewal(&input))
                default: break
                }
            }) != nil {}
        }
        guard let current else { return }
        // An empty list takes the run's own (shared, not copied).
        func join<T>(_ list: inout [T], _ more: [T]) { if list.isEmpty { list = more } else { list += more } }
        join(&voucherUses, current.voucherUses)
        join(&creditMovements, current.creditMovements)
        join(&expiredOrders, current.expiredOrders)
        join(&paidOrders, current.paidOrders)
        join(&payouts, current.payouts)
        join(&late, current.late)
        join(&creditNotes, current.creditNotes)
        join(&voids, current.voids)
        balances.append(currentBalances)
        join(&reconnections, current.reconnections)
        join(&renewals, current.renewals)
    }

    /// The read buffer of each run's reader while statements are merged (all open at once).
    static let mergedReaderBuffer = 16 << 10

    /// Each run's statement rows, in run order, each read one at a time as it is asked for.
    func statementRows() throws -> [StatementRows] {
        var rows: [StatementRows] = []
        for run in runs {
            let reader = try JournalReader(path: run + "/events.bin", bufferSize: Self.mergedReaderBuffer)
            rows.append(try StatementRows {
                // Other records of the file are passed over: the reader yields a row or nil.
                while let row = try reader.next({ (kind: UInt8, bytes: UnsafeRawBufferPointer) -> TenantStatement? in
                    guard JournalKind(rawValue: kind) == .statement else { return nil }
                    var input = ByteReader(bytes)
                    return JournalCodec.readStatement(&input)
                }) {
                    if let row { return row }
                }
                return nil
            })
        }
        return rows
    }

    /// Calls `body` with every record of one of the streamed files, run by run.
    private func each(_ file: String, verify: Bool = true, _ body: (inout ByteReader) throws -> Void) throws {
        try Self.each(file, inRuns: runs, verify: verify, body)
    }

    private static func each(_ file: String, inRuns runs: [String], verify: Bool = true, _ body: (inout ByteReader) throws -> Void) throws {
        for run in runs {
            let reader = try JournalReader(path: run + "/" + file, verify: verify)
            while try reader.next({ (_: UInt8, bytes: UnsafeRawBufferPointer) -> Void in
                var input = ByteReader(bytes)
                try body(&input)
            }) != nil {}
        }
    }

    func forEachInvoice(_ body: (Invoice) throws -> Void) throws {
        try Self.forEachInvoice(inRuns: runs, body)
    }

    /// The same for runs whose small records are not written yet (the run being checked).
    static func forEachInvoice(inRuns runs: [String], _ body: (Invoice) throws -> Void) throws {
        try each("invoices.bin", inRuns: runs) { try body(JournalCodec.readInvoice(&$0)) }
    }

    func forEachPayment(_ body: (Payment, PaymentEffect) throws -> Void) throws {
        try Self.forEachPayment(inRuns: runs, body)
    }

    /// The same for some runs' folders, before the month is put together (`PaymentsWriter`).
    static func forEachPayment(inRuns runs: [String], _ body: (Payment, PaymentEffect) throws -> Void) throws {
        try each("payments.bin", inRuns: runs) { input in
            let (payment, effect) = JournalCodec.readPaymentRow(&input)
            try body(payment, effect)
        }
    }

    func forEachCollection(_ body: (CollectedPayment) throws -> Void) throws {
        try each("collections.bin") { try body(JournalCodec.readCollection(&$0)) }
    }

    /// The collections of `windows` only; the others' payments are skipped, not decoded.
    /// `verify: false` for a pass after one that read the files whole in this run.
    func forEachCollection(in windows: Set<PayoutWindow>, verify: Bool, _ body: (CollectedPayment) throws -> Void) throws {
        try each("collections.bin", verify: verify) { input in
            var peek = input
            guard windows.contains(JournalCodec.readCollectionWindow(&peek)) else { return }
            try body(JournalCodec.readCollection(&input))
        }
    }
}

extension JournalRecords {
    /// The invoice starting at `offset` of an `invoices.bin` (as `JournalFiles.invoiceAt` has it).
    func invoice(at offset: Int) throws -> Invoice {
        try read(at: offset, kind: JournalKind.invoice.rawValue) { bytes in
            var input = ByteReader(bytes)
            return JournalCodec.readInvoice(&input)
        }
    }
}
