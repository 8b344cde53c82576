import Foundation
import Synchronization
import TagihCore
import TagihIO

/// The write stage. A month folder holds the month so far:
///
///     invoices.xlsx payments.xlsx summary.xlsx statements.xlsx overdue.xlsx overdue.csv disbursements.xlsx
///     reconnect.csv (isolate.rsc reconnect.rsc with settings.router)
///     state.yaml errors.csv                      the latest run's
///     runs/<as-of>/  state.yaml errors.csv *.bin  each run's state and journal, never changed
///     outbox/<as-of>/ mail/ whatsapp.csv payouts.csv payouts.xlsx   what each run sent, never changed
///
/// Each run writes its own `runs/` and `outbox/` folders, brings the earlier runs of the month
/// over as hard links, and makes the workbooks from the journals of every run of the month.
enum WriteMonth {
    struct Written {
        var mails = 0
        /// The run's transfers (`TransferBatch`): one per tenant and currency paid out.
        var transfers = 0
        /// The run's warnings, its settings' and its findings, in place order.
        var warnings = WarningList()
    }

    /// Writes the month folder from the run's journal and next state. Takes out of `billed`
    /// what the journal or `state.yaml`'s job then holds (the run's statements, the
    /// contracts), so the stage's other jobs run without them; what is left is enough for
    /// the run's summary.
    static func run(
        _ context: RunContext, _ loaded: LoadedInput, _ billed: inout Billed, balances: [Reconciliation.Balance], folder: MonthFolder,
        files: JournalFiles, earlierRuns: [String], payments: TakeInPayments, paymentsWriter: PaymentsWriter, templates: MailTemplates,
        errors: [Diagnostic], warnings: [Diagnostic]
    ) throws -> Written {
        let input = loaded.input
        let asOf = context.asOf
        let runName = asOf.description
        // The run's dunning notices and statements are in its journal from here, read back by
        // the jobs that use them, not held through the stage (127 and 88 MB at a million tenants).
        let dunning = try files.finish(billed.journal, balances: balances)
        billed.journal.statements = []
        try keepReplacedRuns(context, in: folder)
        let runs = earlierRuns + [files.folder]
        let month = try MonthJournal(runs: runs, current: billed.journal, balances: balances)
        Trace.mark("read the month's journals")
        let standing = InvoiceStanding(state: billed.nextState, month: month, asOf: asOf)
        try folder.makeSubfolder("outbox/\(runName)/mail")
        let outbox = "outbox/\(runName)"
        let created = context.created
        // Past the renewals sheet, the contracts are for state.yaml alone (104 MB at a million
        // tenants): its job takes the whole state and lets it go once written; the other jobs
        // read it without them.
        let renewals = InvoicesWorkbook.renewalRows(month, contracts: billed.nextState.contracts, input: input, asOf: asOf)
        let stateToWrite = Mutex<BillingState?>(billed.nextState)
        billed.nextState.contracts = Directory()
        let next = billed.nextState
        let remembered = Handoff(value: try payments.rememberedPayments())
        // Each job's findings as it made them: joined into one list, a hundred thousand of them
        // would be copied once more.
        let findings = Mutex<[any FindingList]>([])
        let mailCount = Atomic<Int>(0)
        let writeBack = Mutex<BackgroundJob<Void>?>(nil)
        let journal = billed.journal
        let work = folder.workPath
        let runFolder = files.folder
        let thisRun = try MonthJournal(runs: [runFolder], current: journal, balances: balances)
        let invoiceAt = files.invoiceAt
        // Paths inside the work folder, worked out here: the jobs share no object.
        let at = { @Sendable (relative: String) in work + "/" + relative }
        // One transfer per tenant: the run's paid windows of a tenant, summed (issue 15). The
        // mails keep what a remittance says of each; the job writing the payout files makes
        // them again when it starts, after the state's job has let the contracts go, rather
        // than holding them from here (98 MB at a million tenants, at the stage's peak).
        let (transferCount, transferOf, remittanceTransfers) = {
            let transfers = TransferBatch.transfers(journal.payouts, tenants: input.tenants, asOf: asOf)
            let (transferOf, remittance) = RemittanceTransfer.byPayout(journal.payouts, transfers: transfers)
            return (transfers.count, transferOf, remittance)
        }()
        let mailJob: @Sendable () throws -> Void = {
            // Every document of the run: invoices as they stand now, receipts, corrections,
            // what payers of collections and tenants of payouts get, dunning messages.
            var box = Outbox(input: input, templates: templates, folder: at("\(outbox)/mail"), secret: context.options.activationSecret)
            // Documents are planned in the order they are named and written in batches, so the
            // planned jobs never hold the month's invoices twice over.
            var jobs: [Outbox.Job] = []
            func send(_ document: Outbox.Document) throws {
                guard let job = box.plan(document) else { return }
                jobs.append(job)
                if jobs.count >= Outbox.batch { try box.write(jobs); jobs.removeAll(keepingCapacity: true) }
            }
            // An invoice's lines, for the receipts of payments to it: read back from this run's
            // journal one at a time (the run keeps no invoices).
            let records = try JournalRecords(path: runFolder + "/invoices.bin")
            let lines = { (number: String) in try invoiceAt.invoice(number) { try records.invoice(at: $0) } }
            try thisRun.forEachInvoice { try send(.invoice(standing.settled($0))) }
            for paid in journal.paidOrders { try send(.orderReceipt(paid, lines: try lines(paid.order.invoice))) }
            for note in journal.creditNotes { try send(.creditNote(note)) }
            for void in journal.voids { try send(.void(void)) }
            // Receipts for payments applied to invoices other than orders (whose receipts
            // above carry the activation code), streamed from this run's journal.
            try thisRun.forEachPayment { payment, effect in
                guard payment.purpose == .billing, effect.outcome == .applied, effect.toInvoice.isPositive else { return }
                let onFile = standing.receivable(effect.invoice)
                guard onFile?.source != .order else { return }
                try send(.paymentReceipt(payment, effect, lines: try lines(effect.invoice), outstanding: onFile?.outstanding ?? .zero(effect.toInvoice.currency)))
            }
            // Payers of money collected for tenants: a receipt when collected, a notice when refunded.
            try thisRun.forEachCollection { collection in
                if collection.laterRefund == nil { try send(.payerReceipt(collection)) }
                let refunded = collection.laterRefund ?? collection.payment.refunded
                if refunded.isPositive { try send(.refund(collection, refunded: refunded)) }
            }
            // A remittance per payout sent, listing the first collections of its window found
            // this month (all of them are in disbursements.xlsx). Payouts are taken in
            // chunks, one pass over the month's collections each, so memory stays bounded.
            // (Places in the journal, not copies of the payouts.)
            let paid = journal.payouts.indices.filter { journal.payouts[$0].isPaid }
            for first in stride(from: 0, to: paid.count, by: Outbox.remittanceChunk) {
                let places = paid[first..<min(first + Outbox.remittanceChunk, paid.count)]
                let chunk = places.lazy.map { journal.payouts[$0] }
                let windows = Set(chunk.map(\.window))
                var inWindow: [PayoutWindow: [RemittanceLine]] = [:]
                // The first pass checks the files' checksums; the same bytes need no second check.
                try month.forEachCollection(in: windows, verify: first == 0) { collection in
                    guard collection.laterRefund == nil, inWindow[collection.window, default: []].count < Outbox.listedCollections else { return }
                    inWindow[collection.window, default: []].append(RemittanceLine(collection))
                }
                for place in places {
                    let payout = journal.payouts[place], transfer = transferOf[place]
                    try send(.remittance(payout, collections: inWindow[payout.window] ?? [], transfer: transfer < 0 ? nil : remittanceTransfers[Int(transfer)]))
                }
            }
            try dunning.forEach { _, notice in try send(.dunning(notice)) }
            for record in journal.renewals where record.kind == .notice || record.kind == .invoice { try send(.renewal(record)) }
            try box.write(jobs)
            let count = box.count
            mailCount.store(count, ordering: .relaxed)
            Trace.mark("  mail")
            // The documents are most of the bytes a run writes (2 GB in the bench month): their
            // write-back starts now, beside the jobs still running, not in the commit's sync.
            writeBack.withLock { $0 = BackgroundJob { MonthFolder.writeBack(work) } }
        }
        var outputJobs: [@Sendable () throws -> Void] = [
            {
                // Its Payments sheet was written while the payments were applied.
                try paymentsWriter.finish().finish(month, open: next.openPayments)
                Trace.mark("  payments.xlsx")
            },
            // Early, though short: the next state is the largest file the run writes last (200 MB
            // in the bench month), so written here its write-back is done by the commit.
            {
                let state = stateToWrite.withLock { taken in
                    defer { taken = nil }
                    return taken
                }
                guard let state else { preconditionFailure("state.yaml is written once") }
                try StateFile.write(state, to: at("runs/\(runName)/state.yaml"), currencies: input.settings.currencies, payments: remembered.value)
                Trace.mark("  state.yaml")
            },
            {
                try DisbursementsWorkbook.write(month, held: next.payoutBalances, open: next.payoutWindows, input: input, asOf: asOf,
                                                workbookPath: at("disbursements.xlsx"), created: created)
                let transfers = TransferBatch.transfers(journal.payouts, tenants: input.tenants, asOf: asOf)
                try TransfersFile.write(transfers, input: input, asOf: asOf, csvPath: at("\(outbox)/payouts.csv"),
                                        workbookPath: at("\(outbox)/payouts.xlsx"), created: created)
                // The same transfers in the upload files of the services the operator named.
                var left: [Finding] = []
                for format in input.settings.payouts.formats where !transfers.isEmpty {
                    let upload = format.upload(transfers, currencies: input.settings.currencies)
                    _ = try PayoutUploadFiles.write(upload, into: at(outbox), created: created)
                    for issue in upload.issues {
                        left.append(Finding(input.tenants[issue.tenantId]?.location ?? .file("tenants"), value: issue.reference, .payoutLeftOut(issue)))
                    }
                }
                findings.withLock { $0.append(left) }
                Trace.mark("  disbursements.xlsx")
            },
            {
                try InvoicesWorkbook.write(month, standing: standing, open: next.receivables, renewalList: renewals, input: input, period: context.month,
                                           to: at("invoices.xlsx"), created: created)
                Trace.mark("  invoices.xlsx")
            },
            {
                // Rule 16 first: the PPN sheet of summary.xlsx sums the very records the files hold.
                let (tax, taxFindings) = try TaxInvoiceFiles.write(month, standing: standing, input: input, period: context.month,
                                                                   folder: at("efaktur"))
                findings.withLock { $0.append(taxFindings) }
                Trace.mark("  efaktur")
                try SummaryWorkbook.write(month, standing: standing, input: input, period: context.month, tax: tax, to: at("summary.xlsx"), created: created)
                try StatementsWorkbook.write(month, state: next, input: input, period: context.month, to: at("statements.xlsx"), created: created)
                // Made here, not before the jobs: the list is held only while it is written.
                let overdue = Aging.overdue(next.receivables, asOf: asOf, ladder: input.settings.dunning)
                var found = try OverdueReport.write(overdue, settings: input.settings, tenants: input.tenants, asOf: asOf,
                                                    workbookPath: at("overdue.xlsx"), csvPath: at("overdue.csv"), created: created)
                if let router = input.settings.router {
                    found += try RouterScripts.write(router, steps: next.dunningSteps, reconnections: month.reconnections, input: input,
                                                     asOf: asOf, folder: work)
                }
                try WhatsAppRows.write({ body in try thisRun.forEachInvoice { try body(standing.settled($0)) } }, dunning: dunning, asOf: asOf, input: input, templates: templates,
                                       path: at("\(outbox)/whatsapp.csv"), findings: &found)
                try ReconnectFile.write(month.reconnections, input: input, path: at("reconnect.csv"))
                findings.withLock { $0.append(found) }
                Trace.mark("  summary.xlsx, overdue, whatsapp.csv")
            },
        ]
        // Longest first, the state aside: two cores take the jobs in this order, so the long
        // ones overlap. With PDFs the documents are the longest by far, so they start at once.
        // Without, they start beside the payments workbook, which has only its end to write
        // (its rows were written while the payments were applied), and their helpers run at a
        // lower priority (`Outbox.inParallel`), so the workbooks beside them keep their cores.
        // Started third, the documents ran on both cores at the end, two threads making files
        // in one folder (the bench month: 79-80 s against 65-71 s, 10 s more in the kernel).
        outputJobs.insert(mailJob, at: input.settings.pdf ? 0 : 1)
        // Waited for even when a job fails: no thread outlives the run's work folder.
        defer { _ = try? writeBack.withLock { $0 }?.wait() }
        try Jobs.run(outputJobs)
        // The jobs' threads freed their working memory into arenas of their own, which the
        // rest of the run (on this thread) cannot use: given back instead of added to.
        FreeMemory.release()
        let found = findings.withLock { found in
            defer { found = [] }
            return found
        }
        let list = WarningList(texts: warnings, findings: [journal.findings as any FindingList] + found, catalog: MessageCatalog(currencies: input.settings.currencies))
        let written = Written(mails: mailCount.load(ordering: .relaxed), transfers: transferCount, warnings: list)
        try ErrorsFile.write(errors, warnings: list, to: folder.path("runs/\(runName)/errors.csv"))
        for name in ["state.yaml", "errors.csv"] {
            guard link(folder.path("runs/\(runName)/\(name)"), folder.path(name)) == 0 else {
                throw OutputError("cannot write \(folder.path(name)): \(String(cString: strerror(errno)))")
            }
        }
        return written
    }

    /// Brings the earlier runs of this month (from the month folder the state belongs to) into
    /// the new folder, their journals first (`PaymentsWriter` starts on them), then what they
    /// sent. Returns the earlier runs' folders in order.
    static func carryEarlierRuns(_ context: RunContext, into folder: MonthFolder) throws -> [String] {
        guard let (source, runs) = earlierRuns(context) else { return [] }
        for run in runs { try folder.carry("runs/\(run.asOf)", from: source) }
        return runs.map { folder.path("runs/\($0.asOf)") }
    }

    /// The earlier runs' outboxes and what they kept aside, after `carryEarlierRuns`.
    static func carryEarlierOutboxes(_ context: RunContext, into folder: MonthFolder) throws {
        guard let (source, runs) = earlierRuns(context) else { return }
        for run in runs { try folder.carry("outbox/\(run.asOf)", from: source) }
        try folder.carry("replaced", from: source)
    }

    /// The month folder the state belongs to and its runs up to the state, when the state is
    /// of this run's month.
    private static func earlierRuns(_ context: RunContext) -> (source: String, runs: [RunFolders.Run])? {
        guard let source = context.stateSource?.monthFolder, let previous = context.state.asOf, previous.period == context.month else { return nil }
        return (source, RunFolders.list(in: source).filter { $0.asOf <= previous })
    }

    /// Runs of the folder being replaced that come after the state: the operator re-runs from
    /// an earlier state on purpose; what those runs sent is kept aside in `replaced/`, unless
    /// this run wrote the same (so its journal must be finished first).
    static func keepReplacedRuns(_ context: RunContext, in folder: MonthFolder) throws {
        let target = context.monthFolder
        if FileManager.default.fileExists(atPath: target + "/" + MonthFolder.marker) {
            for run in RunFolders.list(in: target) where run.asOf > (context.state.asOf ?? .init(daysSinceEpoch: Int32.min)) {
                if run.asOf == context.asOf && sameJournal(run.folder, folder.path("runs/\(run.asOf)")) { continue }
                try folder.carry("runs/\(run.asOf)", from: target, as: "replaced/\(run.asOf)/runs/\(run.asOf)")
                try folder.carry("outbox/\(run.asOf)", from: target, as: "replaced/\(run.asOf)/outbox/\(run.asOf)")
            }
        }
    }

    /// Whether two runs' journals hold the same bytes (the same run, made again).
    static func sameJournal(_ a: String, _ b: String) -> Bool {
        JournalFiles.names.allSatisfy { FileManager.default.contentsEqual(atPath: a + "/" + $0, andPath: b + "/" + $0) }
    }
}
