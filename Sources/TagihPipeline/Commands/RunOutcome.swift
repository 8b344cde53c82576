import TagihCore

/// How a command ended, for the command line to report; the library itself never prints.
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
    public var warnings = WarningList()
    public var outputPath: String?
    /// Lines of the end-of-run summary: counts and totals.
    public var summary: [String] = []
    /// Counters for benchmarks (`--stats`): rows read, cells written.
    public var stats: [String: Int] = [:]

    public init(status: Status, diagnostics: [Diagnostic] = [], warnings: WarningList = WarningList(), outputPath: String? = nil,
                summary: [String] = [], stats: [String: Int] = [:]) {
        self.status = status
        self.diagnostics = diagnostics
        self.warnings = warnings
        self.outputPath = outputPath
        self.summary = summary
        self.stats = stats
    }

    public var exitCode: Int32 {
        switch status {
        case .success: return 0
        case .invalidInput: return 1
        case .usage: return 2
        case .outputFailed: return 3
        case .inconsistent: return 4
        }
    }

    init(_ stop: RunStop, outputPath: String?, warnings: WarningList = WarningList()) {
        switch stop {
        case .invalidInput(let diagnostics): self.init(status: .invalidInput, diagnostics: diagnostics, warnings: warnings, outputPath: outputPath)
        case .usage(let message): self.init(status: .usage(message), warnings: warnings)
        case .outputFailed(let message): self.init(status: .outputFailed(message), warnings: warnings, outputPath: outputPath)
        case .inconsistent(let problems): self.init(status: .inconsistent(problems), warnings: warnings, outputPath: outputPath)
        }
    }
}
