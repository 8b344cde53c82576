import Foundation
import TagihCore
import TagihIO

/// `tagih run`: the stages in order — settle the context, load and validate, take in the
/// payments, bill the span's days, check the numbers, write the month folder — and commit.
/// A span crossing a month end is one run per month, each continuing from the one before.
public enum Run {
    public static func run(_ options: RunOptions) -> RunOutcome {
        Progress.current.reset()
        var options = options
        var summary: [String] = []
        var warnings = WarningList()
        while true {
            let (outcome, continuesFrom) = once(options)
            summary += outcome.summary
            warnings += outcome.warnings
            guard outcome.status == .success, let continuesFrom else {
                var result = outcome
                result.summary = summary
                result.warnings = warnings
                return result
            }
            options.statePath = continuesFrom
        }
    }

    /// One run, up to the requested as-of or to the end of the span's first month; returns the
    /// state to continue from in the second case.
    static func once(_ options: RunOptions) -> (RunOutcome, String?) {
        var outputPath = RunContext.fallbackFolder(options)
        var warnings: [Diagnostic] = []
        do {
            // An output path that is not tagih's own is refused before anything is read or made.
            do { try MonthFolder.checkReplaceable(outputPath) } catch { throw RunStop.usage("\(error)") }
            Progress.current.enter("reading the tables")
            let scratch: ScratchFolder
            do { scratch = try ScratchFolder(root: options.outputRoot) } catch { throw RunStop.outputFailed("\(error)") }
            let context = try RunContext.settle(options, scratch: scratch.path)
            outputPath = context.monthFolder
            warnings = context.warnings
            var diagnostics = Diagnostics()
            let templates = MailTemplates.load(context.folder, diagnostics: &diagnostics)
            var loaded = Load.tables(context, diagnostics: &diagnostics)
            FreeMemory.release()
            loaded.compact()
            FreeMemory.release()
            Trace.mark("read and validated the tables")
            try stopOnInvalid(diagnostics, context, skipInvalid: options.skipInvalid)
            if let product = needsActivationSecret(loaded, state: context.state), (options.activationSecret ?? "").isEmpty {
                throw RunStop.usage("this run makes activation codes (orders for \(product)), and TAGIH_SECRET is not set; set it in the environment and run again. Nothing was written.")
            }

            let folder: MonthFolder
            do { folder = try MonthFolder(finalPath: context.monthFolder) } catch { throw RunStop.outputFailed("\(error)") }
            // The earlier runs of the month come over first: payments.xlsx is written from their
            // journals on a thread of its own, beside the rest of the run.
            let earlierRuns = try WriteMonth.carryEarlierRuns(context, into: folder)
            let paymentsWriter = PaymentsWriter(earlierRuns: earlierRuns) {
                [path = folder.path("payments.xlsx"), settings = context.settings, month = context.month, created = context.created] in
                try PaymentsWorkbook(settings: settings, period: month, path: path, created: created)
            }
            // The thread is done before the work folder can go (a run that stops removes it).
            defer { paymentsWriter.cancel(); withExtendedLifetime(folder) {} }
            try WriteMonth.carryEarlierOutboxes(context, into: folder)
            Progress.current.enter("reading the payments")
            let payments = try TakeInPayments(context, input: loaded.input, scratch: scratch.path, diagnostics: &diagnostics)
            FreeMemory.release()
            Trace.mark("read and validated the payments")
            try stopOnInvalid(diagnostics, context, skipInvalid: options.skipInvalid)

            Progress.current.enter("billing \(context.span)")
            let files = try JournalFiles(folder: folder.path("runs/\(context.asOf)"))
            var billed = try Bill.run(context, loaded, payments: payments, files: files, newRow: paymentsWriter.send)
            // Adjustments refused when their day came (a void of a paid invoice) are bad input.
            for refused in billed.journal.refused {
                diagnostics.add(Diagnostic(refused.location, value: refused.value,
                                           MessageCatalog(currencies: context.settings.currencies).text(refused.refusal)))
            }
            try stopOnInvalid(diagnostics, context, skipInvalid: options.skipInvalid)
            FreeMemory.release()
            let (balances, issued, problems) = try Checks.run(context, billed, payments: payments, files: files)
            if !problems.isEmpty { throw RunStop.inconsistent(problems) }
            Trace.mark("checked the numbers")

            Progress.current.enter("writing the month folder")
            let written = try WriteMonth.run(context, loaded, &billed, balances: balances, folder: folder, files: files, earlierRuns: earlierRuns,
                                             payments: payments, paymentsWriter: paymentsWriter, templates: templates, errors: diagnostics.sorted, warnings: warnings)
            Progress.current.enter("committing the outputs")
            try folder.commit()
            Trace.mark("committed the output folder")
            let summary = RunSummary.lines(context, billed, issued: issued, balances: balances, skipped: diagnostics.count, waiting: loaded.waiting + payments.waiting,
                                           mails: written.mails, transfers: written.transfers, monthFolder: context.monthFolder)
            let outcome = RunOutcome(status: .success, diagnostics: diagnostics.sorted, warnings: written.warnings,
                                     outputPath: context.monthFolder, summary: summary,
                                     stats: ["payment_rows": payments.rowsRead, "payments": billed.journal.payments.payments,
                                             "invoices": issued.count, "cells": XlsxStatistics.cells, "mails": written.mails])
            return (outcome, context.continuesTo.map { _ in context.monthFolder + "/state.yaml" })
        } catch let stop as RunStop {
            return (fail(stop, outputPath: outputPath, warnings: warnings), nil)
        } catch let failure as InputFailure {
            return (fail(.invalidInput(failure.diagnostics), outputPath: outputPath, warnings: warnings), nil)
        } catch let damaged as DamagedJournal {
            return (fail(.outputFailed(damaged.description), outputPath: outputPath, warnings: warnings), nil)
        } catch {
            return (fail(.outputFailed(MonthFolder.reason(error)), outputPath: outputPath, warnings: warnings), nil)
        }
    }

    /// Stops the run on invalid input, unless `--skip-invalid` leaves the bad rows out (which
    /// it cannot for settings, the state or templates: without them nothing sound can be billed).
    static func stopOnInvalid(_ diagnostics: Diagnostics, _ context: RunContext, skipInvalid: Bool) throws(RunStop) {
        guard !diagnostics.isEmpty else { return }
        let fatal = diagnostics.items.contains {
            $0.location.external || $0.location.file == context.folder.settings || $0.location.file == context.folder.state
                || $0.location.file.hasPrefix("templates/") || $0.location.file.hasPrefix("(built-in)")
        }
        if !skipInvalid || fatal { throw .invalidInput(diagnostics.sorted) }
    }

    /// The first product needing an activation code among the orders this run places or may
    /// see paid, or nil when the run needs no secret.
    static func needsActivationSecret(_ loaded: LoadedInput, state: BillingState) -> String? {
        let products = loaded.orders.map(\.productId) + state.pendingOrders.map(\.productId)
        return products.first { loaded.input.products[$0]?.activation == true }
    }

    /// Writes errors.csv alone (for invalid input), leaving any earlier output as it was.
    static func fail(_ stop: RunStop, outputPath: String, warnings: [Diagnostic]) -> RunOutcome {
        let warnings = WarningList(texts: warnings, findings: [], catalog: MessageCatalog())
        guard case .invalidInput(let diagnostics) = stop else { return RunOutcome(stop, outputPath: outputPath, warnings: warnings) }
        do {
            try MonthFolder.replaceFile(in: outputPath, named: "errors.csv") { path in
                try ErrorsFile.write(diagnostics, warnings: warnings, to: path)
            }
        } catch {
            return RunOutcome(status: .outputFailed("\(error)"), diagnostics: diagnostics, warnings: warnings, outputPath: outputPath)
        }
        return RunOutcome(stop, outputPath: outputPath, warnings: warnings)
    }
}
