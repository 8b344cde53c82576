import Foundation
import TagihCore
import TagihIO

/// `tagih overdue`: the overdue list alone, for a daily disconnection job. The state's open
/// invoices, less the payments the exports hold since its as-of (exports that overlap the last
/// run's are fine: what it applied is recognised), aged as of a date. Issues nothing and
/// changes no state; writes `overdue.xlsx` and `overdue.csv`.
public enum Overdue {
    public static func run(_ options: RunOptions) -> RunOutcome {
        Progress.current.reset()
        Progress.current.enter("reading the tables")
        var outputPath = options.output ?? options.outputRoot + "/overdue"
        do {
            let scratch: ScratchFolder
            do { scratch = try ScratchFolder(root: options.outputRoot) } catch { throw RunStop.outputFailed("\(error)") }
            let context = try RunContext.settle(options, scratch: scratch.path, purpose: .overdue)
            outputPath = options.output ?? options.outputRoot + "/overdue-\(context.asOf)"
            var diagnostics = Diagnostics()
            let loaded = Load.tables(context, diagnostics: &diagnostics)
            if !diagnostics.isEmpty { throw RunStop.invalidInput(diagnostics.sorted) }
            let folder: MonthFolder
            do { folder = try MonthFolder(finalPath: outputPath) } catch { throw RunStop.outputFailed("\(error)") }

            var receivables = context.state.receivables
            var looked = 0
            if let previous = context.state.asOf, previous < context.asOf {
                Progress.current.enter("reading the payments")
                let payments = try TakeInPayments(context, input: loaded.input, scratch: scratch.path, diagnostics: &diagnostics)
                if !diagnostics.isEmpty { throw RunStop.invalidInput(diagnostics.sorted) }
                Progress.current.enter("applying the payments")
                var input = loaded.input
                input.subscriptions = []
                input.orders = []
                // Nothing to issue (no subscriptions, orders or charges): only payments are applied.
                var run = BillingRun(input: input, state: context.state, orders: [], setup: context.setup, paymentCode: OrderCodes.paymentCode,
                                     recordInvoice: { _ in })
                try run.run(payments: try payments.feed(context)) { _, _ in looked += 1 }
                receivables = run.finish(previous: context.state).receivables
            }
            Progress.current.enter("writing the overdue list")
            let items = Aging.overdue(receivables, asOf: context.asOf, ladder: context.settings.dunning)
            let findings = try OverdueReport.write(items, settings: context.settings, tenants: loaded.input.tenants, asOf: context.asOf,
                                                   workbookPath: folder.path("overdue.xlsx"), csvPath: folder.path("overdue.csv"), created: context.created)
            try folder.commit()
            let tenants = Set(items.map(\.receivable.tenantId))
            let last = context.settings.dunning.last?.action
            let disconnect = Set(items.filter { $0.action == last }.map(\.receivable.tenantId))
            let warnings = WarningList(texts: context.warnings, findings: [findings], catalog: MessageCatalog(currencies: context.settings.currencies))
            return RunOutcome(status: .success, warnings: warnings, outputPath: outputPath, summary: [
                "\(items.count) overdue invoice\(items.count == 1 ? "" : "s") of \(tenants.count) tenant\(tenants.count == 1 ? "" : "s") as of \(context.asOf)",
                "\(disconnect.count) tenant\(disconnect.count == 1 ? "" : "s") at the last step (\(last ?? "none"))",
                "\(looked) payment\(looked == 1 ? "" : "s") taken into account",
                "outputs in \(outputPath)",
            ])
        } catch let stop as RunStop {
            return Run.fail(stop, outputPath: outputPath, warnings: [])
        } catch let failure as InputFailure {
            return Run.fail(.invalidInput(failure.diagnostics), outputPath: outputPath, warnings: [])
        } catch {
            return Run.fail(.outputFailed(MonthFolder.reason(error)), outputPath: outputPath, warnings: [])
        }
    }
}
