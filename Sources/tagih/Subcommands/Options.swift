import CPosix
import ArgumentParser
import Foundation
import TagihCore
import TagihIO
import TagihPipeline

struct InputOptions: ParsableArguments {
    @Option(name: .long, help: "The folder holding settings.yaml and the tables.")
    var input = "input"

    @Option(name: .long, help: "A state to continue from on purpose (default: the newest under the output folder, else input/state.yaml).")
    var state: String?

    @Option(name: .long, help: .hidden)
    var stats: String?
}

/// How much memory the payment sorters may use; the rest of a large month waits on disk.
struct SortMemoryOption: ParsableArguments {
    @Option(name: .customLong("sort-memory"),
            help: "Megabytes for sorting payments before they spill to temporary files, \(SortBudget.range.lowerBound) to \(SortBudget.range.upperBound) (default \(SortBudget.defaultMegabytes)).")
    var megabytes: Int = SortBudget.defaultMegabytes

    func validate() throws {
        guard SortBudget.range.contains(megabytes) else {
            throw ValidationError("--sort-memory must be from \(SortBudget.range.lowerBound) to \(SortBudget.range.upperBound) megabytes")
        }
    }
}

/// What the command line hands the library from the environment: the clock (or `TAGIH_TODAY`)
/// and `TAGIH_SECRET`. Nothing else reads either.
enum Environment {
    static var values: [String: String] { ProcessInfo.processInfo.environment }

    static func apply(to options: inout RunOptions) throws {
        options.now = Instant(seconds: Int64(Clock.secondsSinceEpoch()))
        if let today = values["TAGIH_TODAY"] {
            guard case .success(let date) = CivilDate.parse(today) else { throw ValidationError("TAGIH_TODAY '\(today)' is not a date written YYYY-MM-DD") }
            options.today = date
        }
        options.activationSecret = values["TAGIH_SECRET"]
    }
}

/// Writes a run's counters as JSON for the benchmark.
func writeStats(_ outcome: RunOutcome, to path: String?) {
    guard let path else { return }
    var stats = outcome.stats
    stats["peak_rss_kb"] = Trace.peakResidentKB
    let body = stats.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ")
    try? ("{" + body + "}\n").write(toFile: path, atomically: true, encoding: .utf8)
}

func parsePeriod(_ text: String) throws -> Period {
    guard let period = Period(text) else { throw ValidationError("'\(text)' is not a month written YYYY-MM") }
    return period
}

func parseDate(_ text: String) throws -> CivilDate {
    guard case .success(let date) = CivilDate.parse(text) else { throw ValidationError("'\(text)' is not a date written YYYY-MM-DD") }
    return date
}

/// Runs a command with the progress line shown on a terminal, reports and exits.
func finish(_ outcome: () -> RunOutcome, inputFolder: String, stats: String?) throws {
    // libxlsxwriter prints "[ERROR]" lines to C's stderr on its own; tagih reports every
    // failure itself (on file descriptor 2, which this leaves alone), so the C stream is
    // silenced once the command line is parsed.
    tagih_silence_c_stderr()
    let progress = ProgressLine.start()
    let result = outcome()
    progress?.stop()
    writeStats(result, to: stats)
    Terminal.report(result, inputFolder: inputFolder)
    if result.exitCode != 0 { throw ExitCode(result.exitCode) }
}
