import Synchronization
import TagihCore
import TagihIO

public struct RunOptions: Sendable {
    public var input = "input"
    /// The folder the outputs go to; `output/YYYY-MM` when not given.
    public var output: String?
    public var period: Period?
    public var asOf: CivilDate?
    public var skipInvalid = false
    /// A state file other than the input folder's `state.yaml`.
    public var statePath: String?
    /// The key activation codes are derived with (`TAGIH_SECRET`, read by the command line).
    public var activationSecret: String?
    /// Memory for sorting payments before they spill to disk.
    public var sortBudget = SortBudget()

    public init() {}
}

/// How a run ended, for the command line to report; the library itself never prints.
public struct RunOutcome: Sendable {
    public enum Status: Sendable, Equatable {
        case success
        /// Input rows were invalid; only errors.csv was written.
        case invalidInput
        /// The command line asked for something impossible.
        case usage(String)
        /// Writing the outputs failed; nothing was replaced.
        case outputFailed(String)
        /// The run's numbers did not reconcile (a defect in tagih); nothing was written.
        case inconsistent([String])
    }

    public var status: Status
    public var diagnostics: [Diagnostic] = []
    /// Problems that did not stop the run (a phone number that cannot be read), also in errors.csv.
    public var warnings: [Diagnostic] = []
    public var outputPath: String?
    /// Lines of the end-of-run summary: counts and totals.
    public var summary: [String] = []
    /// Counters for benchmarks (`--stats`): rows read, cells written.
    public var stats: [String: Int] = [:]

    public var exitCode: Int32 {
        switch status {
        case .success: return 0
        case .invalidInput: return 1
        case .usage: return 2
        case .outputFailed: return 3
        case .inconsistent: return 4
        }
    }
}

/// The batch: read, validate, compute, write. Payments stream through the middle: they are
/// read and validated into a sorter before anything is written, then deduplicated, applied
/// in the order paid and reported row by row.
public enum Batch {
    public static func run(_ options: RunOptions) -> RunOutcome {
        Progress.current.reset()
        Progress.current.enter("reading the tables")
        let loaded = InputLoader.load(folderPath: options.input, statePath: options.statePath)
        Trace.mark("read and validated the tables")
        var diagnostics = loaded.diagnostics

        if loaded.input == nil && options.period == nil && loaded.state.period == nil {
            return RunOutcome(status: .invalidInput, diagnostics: diagnostics.sorted)
        }
        guard let period = options.period ?? loaded.state.period?.next else {
            return RunOutcome(status: .usage("--period YYYY-MM is required when the input has no state.yaml"))
        }
        if let last = loaded.state.period, last.next != period {
            diagnostics.add(Diagnostic(.file(loaded.stateName ?? "state.yaml"), value: last.description,
                "state.yaml was written by the run for \(last); the run after it is \(last.next), not \(period). Give this run the state its previous month wrote."))
        }
        let outputPath = options.output ?? "output/\(period)"
        let asOf = options.asOf ?? period.lastDay
        let templates = MailTemplates.load(loaded.folder, diagnostics: &diagnostics)
        guard let input = loaded.input, diagnostics.isEmpty || (options.skipInvalid && !isFatal(diagnostics.sorted, loaded)) else {
            return failInvalid(diagnostics.sorted, outputPath: outputPath)
        }
        if let product = needsActivationSecret(input: input, state: loaded.state, period: period), (options.activationSecret ?? "").isEmpty {
            return RunOutcome(status: .usage("this run makes activation codes (orders for \(product)), and TAGIH_SECRET is not set; set it in the environment and run again. Nothing was written."))
        }
        do {
            let folder = try OutputFolder(finalPath: outputPath)
            Progress.current.enter("reading the payments")
            let work = try PaymentWork(folder: folder, input: input, loaded: loaded, budget: options.sortBudget, diagnostics: &diagnostics)
            Trace.mark("read and validated the payments")
            let sorted = diagnostics.sorted
            if !sorted.isEmpty && (!options.skipInvalid || isFatal(sorted, loaded)) {
                return failInvalid(sorted, outputPath: outputPath)
            }

            Progress.current.enter("issuing the invoices")
            // Compute: issue, then apply payments (reporting each as it goes), then close.
            var issued = PeriodBilling.issue(input: input, state: loaded.state, period: period, paymentCode: OrderCodes.paymentCode)
            var ledger = PeriodBilling.openLedger(issued: issued, state: loaded.state, input: input, on: period.firstDay)
            Trace.mark("issued the invoices")

            // Invoice mails need nothing from payments: they are written on another core while
            // the payments are applied. Their file names are chosen here, in order.
            try folder.makeSubfolder("mail")
            var names = MailOutput.Names()
            let mailFolder = folder.path("mail")
            let invoicesForMail = issued.invoices
            let planned = MailOutput.plan(invoicesForMail, input: input, folder: mailFolder, names: &names)
            let invoiceMails = BackgroundJob {
                let written = try MailOutput.writeInvoices(invoicesForMail, planned: planned, input: input, templates: templates)
                Trace.mark("  invoice mails")
                return written
            }
            // Whatever happens next, the mail thread is done before the work folder can go.
            defer { _ = try? invoiceMails.wait() }

            let horizon = PeriodBilling.paymentHorizon(asOf: asOf, memoryDays: input.settings.paymentMemoryDays, zone: input.settings.zone)
            let created = Instant(seconds: Int64(asOf.daysSinceEpoch) * 86400)
            let paymentsBook = try PaymentsWorkbook(path: folder.path("payments.xlsx"), created: created,
                                                    title: "Payments \(period)", settings: input.settings)
            var disbursements = Disbursements(settings: input.settings, tenants: input.tenants,
                                              openWindows: loaded.state.payoutWindows, balances: loaded.state.payoutBalances,
                                              record: work.recordCollection)
            Progress.current.enter("applying the payments")
            let counts = try work.apply(to: &ledger, disbursements: &disbursements, state: loaded.state, newHorizon: horizon) { payment, effect in
                try paymentsBook.add(payment, effect)
            }
            Trace.mark("applied the payments")
            Progress.current.enter("closing the period")
            var result = PeriodBilling.close(issued: &issued, ledger: &ledger, state: loaded.state, input: input,
                                             period: period, asOf: asOf, horizon: horizon)
            // Check: the numbers hold together before anything is written.
            let balances = Reconciliation.balances(
                before: loaded.state, issued: result.invoices, payments: paymentsBook.tally.movements,
                creditMovements: result.creditMovements, expired: result.expiredOrders, after: result.nextState
            )
            let problems = Reconciliation.invoiceProblems(result.settledInvoices)
                + Reconciliation.paymentCountProblems(rowsSorted: counts.rowsSorted, distinct: counts.distinct, copiesMerged: counts.copiesMerged,
                                                      sortedByTime: counts.sortedByTime, outcomes: paymentsBook.tally.payments)
                + Reconciliation.balanceProblems(balances)
            if !problems.isEmpty { return RunOutcome(status: .inconsistent(problems), diagnostics: sorted, outputPath: outputPath) }
            Trace.mark("checked the numbers")
            Trace.mark("closed the period")
            let payouts = disbursements.payOut(asOf: asOf)
            Trace.mark("paid out the windows")
            result.nextState.payoutWindows = disbursements.openWindows
            result.nextState.payoutBalances = disbursements.carriedBalances
            let settled = result
            let heldBalances = disbursements.carriedBalances
            let openWindows = disbursements.openWindows

            Progress.current.enter("writing the workbooks")
            // Write: each output is its own job, side by side on the cores.
            let paths = (invoices: folder.path("invoices.xlsx"), summary: folder.path("summary.xlsx"), overdue: folder.path("overdue.xlsx"),
                         overdueCSV: folder.path("overdue.csv"), disbursements: folder.path("disbursements.xlsx"), payouts: folder.path("payouts.csv"),
                         whatsapp: folder.path("whatsapp.csv"), state: folder.path("state.yaml"))
            let book = Handoff(value: paymentsBook)
            let collections = Handoff(value: try work.collections())
            let remembered = Handoff(value: try work.rememberedPayments())
            let whatsappWarnings = Mutex<[Diagnostic]>([])
            try Jobs.run([
                // Longest first: two cores take the jobs in this order, so the long ones overlap.
                {
                    try DisbursementsWorkbook.write(payouts, collections: collections.value, held: heldBalances, open: openWindows, input: input,
                                                    asOf: asOf, workbookPath: paths.disbursements, csvPath: paths.payouts, created: created)
                    Trace.mark("  disbursements.xlsx")
                },
                {
                    try book.value.close(creditMovements: settled.creditMovements, expired: settled.expiredOrders)
                    Trace.mark("  payments.xlsx")
                },
                {
                    try InvoicesWorkbook.write(settled, input: input, to: paths.invoices, created: created)
                    Trace.mark("  invoices.xlsx")
                },
                {
                    try SummaryWorkbook.write(settled, input: input, to: paths.summary, created: created)
                    try OverdueReport.write(settled.overdue, settings: input.settings, tenants: input.tenants, asOf: asOf,
                                            workbookPath: paths.overdue, csvPath: paths.overdueCSV, created: created)
                    var warnings: [Diagnostic] = []
                    try MailOutput.writeWhatsApp(settled, input: input, templates: templates, path: paths.whatsapp, warnings: &warnings)
                    whatsappWarnings.withLock { $0 = warnings }
                    Trace.mark("  summary.xlsx, overdue, whatsapp.csv")
                },
                {
                    try StateFile.write(settled.nextState, to: paths.state, currencies: input.settings.currencies, payments: remembered.value)
                    Trace.mark("  state.yaml")
                },
            ])
            Trace.mark("wrote the workbooks and state")
            Progress.current.enter("writing the mail")
            let receipts = try MailOutput.writeReceipts(result.paidOrders, input: input, templates: templates,
                                                        secret: options.activationSecret, folder: mailFolder, names: &names)
            let mails = try invoiceMails.wait() + receipts
            Trace.mark("wrote the mail")
            let warnings = whatsappWarnings.withLock { $0 }
            try ErrorsFile.write((sorted + warnings).sorted { ($0.location, $0.message) < ($1.location, $1.message) }, to: folder.path("errors.csv"))
            Progress.current.enter("committing the outputs")
            try work.finish()
            try folder.commit()
            Trace.mark("committed the output folder")
            var summary = RunSummary.lines(result, input: input, payments: paymentsBook.tally, balances: balances, skipped: sorted.count, outputPath: outputPath)
            summary.insert("\(mails) mail\(mails == 1 ? "" : "s") written (invoices and receipts)", at: summary.count - 1)
            let paid = payouts.reduce(0) { $0 + ($1.isPaid ? 1 : 0) }
            Trace.mark("summed up")
            summary.insert("\(paid) payout\(paid == 1 ? "" : "s") to send, \(payouts.count - paid) held; \(disbursements.openWindows.count) window\(disbursements.openWindows.count == 1 ? "" : "s") still open", at: summary.count - 1)
            return RunOutcome(status: .success, diagnostics: sorted, warnings: warnings, outputPath: outputPath, summary: summary,
                              stats: ["payment_rows": work.rowsRead, "payments": paymentsBook.tally.payments, "invoices": result.invoices.count,
                                      "cells": XlsxStatistics.cells, "mails": mails])
        } catch let failure as InputFailure {
            for item in failure.diagnostics { diagnostics.add(item) }
            return failInvalid(diagnostics.sorted, outputPath: outputPath)
        } catch {
            return RunOutcome(status: .outputFailed("\(error)"), diagnostics: diagnostics.sorted, outputPath: outputPath)
        }
    }

    /// The daily disconnection job: the state's open invoices, less the payments in the input
    /// folder, aged as of a date. Writes overdue.xlsx and overdue.csv only; no state changes.
    public static func overdue(input inputPath: String, statePath: String?, asOf: CivilDate, output: String?,
                               sortBudget: SortBudget = SortBudget()) -> RunOutcome {
        Progress.current.reset()
        Progress.current.enter("reading the tables")
        let loaded = InputLoader.load(folderPath: inputPath, statePath: statePath)
        var diagnostics = loaded.diagnostics
        let outputPath = output ?? "output/overdue-\(asOf)"
        if loaded.statePath == nil {
            return RunOutcome(status: .usage("tagih overdue works from the state.yaml a run wrote; there is none in \(inputPath) (or give --state)"))
        }
        guard let input = loaded.input, diagnostics.isEmpty else { return failInvalid(diagnostics.sorted, outputPath: outputPath) }
        do {
            let folder = try OutputFolder(finalPath: outputPath)
            Progress.current.enter("reading the payments")
            let work = try PaymentWork(folder: folder, input: input, loaded: loaded, budget: sortBudget, diagnostics: &diagnostics)
            Progress.current.enter("applying the payments")
            guard diagnostics.isEmpty else { return failInvalid(diagnostics.sorted, outputPath: outputPath) }
            var ledger = Ledger(receivables: loaded.state.receivables, credits: loaded.state.credits, tenants: input.tenants)
            let horizon = PeriodBilling.paymentHorizon(asOf: asOf, memoryDays: input.settings.paymentMemoryDays, zone: input.settings.zone)
            var tally = PaymentTally()
            var disbursements = Disbursements(settings: input.settings, tenants: input.tenants, openWindows: [], balances: [])
            try work.apply(to: &ledger, disbursements: &disbursements, state: loaded.state, newHorizon: horizon) { payment, effect in tally.add(payment, effect) }
            Progress.current.enter("writing the overdue list")
            let items = Aging.overdue(ledger.receivablesToKeep(keepSettledSince: asOf), asOf: asOf, ladder: input.settings.dunning)
            try OverdueReport.write(items, settings: input.settings, tenants: input.tenants, asOf: asOf,
                                    workbookPath: folder.path("overdue.xlsx"), csvPath: folder.path("overdue.csv"),
                                    created: Instant(seconds: Int64(asOf.daysSinceEpoch) * 86400))
            try work.finish()
            try folder.commit()
            let tenants = Set(items.map(\.receivable.tenantId))
            let disconnect = Set(items.filter { $0.action == input.settings.dunning.last?.action }.map(\.receivable.tenantId))
            return RunOutcome(status: .success, outputPath: outputPath, summary: [
                "\(items.count) overdue invoice\(items.count == 1 ? "" : "s") of \(tenants.count) tenant\(tenants.count == 1 ? "" : "s") as of \(asOf)",
                "\(disconnect.count) tenant\(disconnect.count == 1 ? "" : "s") at the last step (\(input.settings.dunning.last?.action ?? "none"))",
                "\(tally.payments) payment\(tally.payments == 1 ? "" : "s") taken into account",
                "outputs in \(outputPath)",
            ])
        } catch let failure as InputFailure {
            for item in failure.diagnostics { diagnostics.add(item) }
            return failInvalid(diagnostics.sorted, outputPath: outputPath)
        } catch {
            return RunOutcome(status: .outputFailed("\(error)"), diagnostics: diagnostics.sorted, outputPath: outputPath)
        }
    }

    /// Today's date in the operator's time zone (UTC when the settings cannot be read): the
    /// daily job's default as-of date, the one place tagih reads the clock.
    public static func today(input: String) -> CivilDate {
        let folder = try? InputFolder.scan(input)
        var ignored = Diagnostics()
        let zone = folder.flatMap { InputLoader.loadSettings($0, &ignored)?.zone } ?? .fixed("UTC", offsetSeconds: 0)
        return zone.date(of: Instant(seconds: Int64(Clock.secondsSinceEpoch())))
    }

    /// Validation alone: reads every table and payment source, reports every problem, writes nothing.
    public static func check(input: String, statePath: String? = nil) -> RunOutcome {
        Progress.current.reset()
        Progress.current.enter("reading the tables")
        let loaded = InputLoader.load(folderPath: input, statePath: statePath)
        var diagnostics = loaded.diagnostics
        var summary: [String] = []
        var stats: [String: Int] = [:]
        if let billing = loaded.input {
            Progress.current.enter("reading the payments")
            let payments = PaymentIntake.validate(loaded.folder, decoding: PaymentDecoding(settings: billing.settings, tenants: billing.tenants))
            diagnostics.add(contentsOf: payments.diagnostics)
            summary.append("\(billing.tenants.count) tenants, \(billing.products.count) products, \(billing.subscriptions.count) subscriptions, \(billing.orders.count) orders, \(payments.paymentsRead) payments")
            stats["payment_rows"] = payments.rowsRead
        }
        let sorted = diagnostics.sorted
        summary.append(sorted.isEmpty ? "no errors" : "\(sorted.count) error\(sorted.count == 1 ? "" : "s")")
        return RunOutcome(status: sorted.isEmpty ? .success : .invalidInput, diagnostics: sorted, summary: summary, stats: stats)
    }

    /// The first product needing an activation code among the orders this run places or
    /// may see paid, or nil when the run needs no secret.
    static func needsActivationSecret(input: BillingInput, state: BillingState, period: Period) -> String? {
        let products = input.orders.filter { period.contains(input.settings.zone.date(of: $0.createdAt)) }.map(\.productId)
            + state.pendingOrders.map(\.productId)
        return products.first { input.products[$0]?.activation == true }
    }

    /// Problems `--skip-invalid` cannot skip: without settings (or a state that fits) there
    /// is nothing sound to bill from.
    static func isFatal(_ diagnostics: [Diagnostic], _ loaded: LoadedInput) -> Bool {
        let fatalFiles: Set<String> = [loaded.folder.settings ?? "settings.yaml", loaded.stateName ?? "state.yaml"]
        return diagnostics.contains { fatalFiles.contains($0.location.file) }
    }

    /// Writes errors.csv alone, leaving any earlier output of the period as it was.
    static func failInvalid(_ diagnostics: [Diagnostic], outputPath: String) -> RunOutcome {
        do {
            try OutputFolder.replaceFile(in: outputPath, named: "errors.csv") { path in
                try ErrorsFile.write(diagnostics, to: path)
            }
        } catch {
            return RunOutcome(status: .outputFailed("\(error)"), diagnostics: diagnostics, outputPath: outputPath)
        }
        return RunOutcome(status: .invalidInput, diagnostics: diagnostics, outputPath: outputPath)
    }
}
