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
    }

    public var status: Status
    public var diagnostics: [Diagnostic] = []
    public var outputPath: String?
    /// Lines of the end-of-run summary: counts and totals.
    public var summary: [String] = []

    public var exitCode: Int32 {
        switch status {
        case .success: return 0
        case .invalidInput: return 1
        case .usage: return 2
        case .outputFailed: return 3
        }
    }
}

/// The batch: read, validate, compute, write — each stage a call of its own.
public enum Batch {
    public static func run(_ options: RunOptions) -> RunOutcome {
        // Read and validate.
        let loaded = InputLoader.load(folderPath: options.input, statePath: options.statePath)
        var diagnostics = loaded.diagnostics

        if loaded.input == nil && options.period == nil && loaded.state.period == nil {
            // Nothing readable and no period to name an output folder: report on stderr only.
            return RunOutcome(status: .invalidInput, diagnostics: diagnostics.sorted)
        }
        guard let period = options.period ?? loaded.state.period?.next else {
            return RunOutcome(status: .usage("--period YYYY-MM is required when the input has no state.yaml"))
        }
        if let last = loaded.state.period, last.next != period {
            let file = options.statePath?.lastComponent ?? loaded.folder.state ?? "state.yaml"
            diagnostics.add(Diagnostic(.file(file), value: last.description,
                "state.yaml was written by the run for \(last); the run after it is \(last.next), not \(period). Give this run the state its previous month wrote."))
        }
        let outputPath = options.output ?? "output/\(period)"
        let asOf = options.asOf ?? period.lastDay
        let sorted = diagnostics.sorted

        guard let input = loaded.input, sorted.isEmpty || (options.skipInvalid && !isFatal(sorted, loaded)) else {
            return failInvalid(sorted, outputPath: outputPath)
        }

        // Compute.
        let result = PeriodBilling.run(input: input, state: loaded.state, period: period, asOf: asOf)

        // Write.
        do {
            let folder = try OutputFolder(finalPath: outputPath)
            let created = Instant(seconds: Int64(asOf.daysSinceEpoch) * 86400)
            try InvoicesWorkbook.write(result, input: input, to: folder.path("invoices.xlsx"), created: created)
            try SummaryWorkbook.write(result, input: input, to: folder.path("summary.xlsx"), created: created)
            try StateFile.write(result.nextState, to: folder.path("state.yaml"), currencies: input.settings.currencies)
            try ErrorsFile.write(sorted, to: folder.path("errors.csv"))
            try folder.commit()
        } catch {
            return RunOutcome(status: .outputFailed("\(error)"), diagnostics: sorted, outputPath: outputPath)
        }
        return RunOutcome(status: .success, diagnostics: sorted, outputPath: outputPath,
                          summary: RunSummary.lines(result, input: input, skipped: sorted.count, outputPath: outputPath))
    }

    /// Validation alone: reads every table and reports every problem, writes nothing.
    public static func check(input: String, statePath: String? = nil) -> RunOutcome {
        let loaded = InputLoader.load(folderPath: input, statePath: statePath)
        let sorted = loaded.diagnostics.sorted
        var summary: [String] = []
        if let input = loaded.input {
            summary.append("\(input.tenants.count) tenants, \(input.products.count) products, \(input.subscriptions.count) subscriptions")
        }
        summary.append(sorted.isEmpty ? "no errors" : "\(sorted.count) error\(sorted.count == 1 ? "" : "s")")
        return RunOutcome(status: sorted.isEmpty ? .success : .invalidInput, diagnostics: sorted, summary: summary)
    }

    /// Problems `--skip-invalid` cannot skip: without settings (or a state that fits) there
    /// is nothing sound to bill from.
    static func isFatal(_ diagnostics: [Diagnostic], _ loaded: LoadedInput) -> Bool {
        let fatalFiles: Set<String> = [loaded.folder.settings ?? "settings.yaml", loaded.folder.state ?? "state.yaml"]
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
