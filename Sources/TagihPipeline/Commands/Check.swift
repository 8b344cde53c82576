import TagihCore
import TagihIO

/// `tagih check`: validation alone. Reads every table and payment source (and the state the
/// next run would continue from, to know which records were handled), reports every problem,
/// writes nothing.
public enum Check {
    public static func run(_ options: RunOptions) -> RunOutcome {
        Progress.current.reset()
        Progress.current.enter("reading the tables")
        do {
            let context = try RunContext.settle(options, scratch: nil, purpose: .check)
            var diagnostics = Diagnostics()
            _ = MailTemplates.load(context.folder, diagnostics: &diagnostics)
            let loaded = Load.tables(context, diagnostics: &diagnostics)
            Progress.current.enter("reading the payments")
            let payments = PaymentIntake.validate(context.folder, decoding: PaymentDecoding(settings: loaded.input.settings, tenants: loaded.input.tenants))
            diagnostics.add(contentsOf: payments.diagnostics)
            let input = loaded.input
            let sorted = diagnostics.sorted
            let summary = [
                "\(input.tenants.count) tenants, \(input.products.count) products, \(input.subscriptions.count) subscriptions, \(loaded.orders.count) orders to handle, \(payments.paymentsRead) payments",
                sorted.isEmpty ? "no errors" : "\(sorted.count) error\(sorted.count == 1 ? "" : "s")",
            ]
            return RunOutcome(status: sorted.isEmpty ? .success : .invalidInput, diagnostics: sorted,
                              warnings: WarningList(texts: context.warnings, findings: [loaded.findings],
                                                    catalog: MessageCatalog(currencies: context.settings.currencies)),
                              summary: summary, stats: ["payment_rows": payments.rowsRead])
        } catch .invalidInput(let diagnostics) {
            return RunOutcome(status: .invalidInput, diagnostics: diagnostics, summary: ["\(diagnostics.count) error\(diagnostics.count == 1 ? "" : "s")"])
        } catch {
            return RunOutcome(error, outputPath: nil)
        }
    }
}
