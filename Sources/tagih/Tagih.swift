import ArgumentParser
import Foundation
import TagihCore
import TagihPipeline

#if canImport(Glibc)
import Glibc
#endif

@main
struct Tagih: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tagih",
        abstract: "Subscription billing in one batch: invoices, overdue lists, payouts and reports from a month's exports.",
        subcommands: [RunCommand.self, CheckCommand.self, OverdueCommand.self]
    )

    /// Exit codes as the spec fixes them: usage mistakes are 2, not ArgumentParser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Glibc.exit(code.rawValue)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            Terminal.error(fullMessage(for: error))
            Glibc.exit(2)
        }
    }
}

struct InputOptions: ParsableArguments {
    @Option(name: .long, help: "The folder holding settings.yaml and the tables.")
    var input = "input"

    @Option(name: .long, help: "The previous run's state file (default: state.yaml in the input folder).")
    var state: String?

    @Option(name: .long, help: .hidden)
    var stats: String?
}

/// How much memory the payment sorters may use; the rest of a large month waits on disk.
struct SortMemoryOption: ParsableArguments {
    @Option(name: .customLong("sort-memory"),
            help: "Megabytes for sorting payments before they spill to temporary files (default \(SortBudget.defaultMegabytes)).")
    var megabytes: Int = SortBudget.defaultMegabytes
}

/// Writes a run's counters as JSON for the benchmark.
func writeStats(_ outcome: RunOutcome, to path: String?) {
    guard let path else { return }
    var stats = outcome.stats
    stats["peak_rss_kb"] = Trace.peakResidentKB
    let body = stats.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ")
    try? ("{" + body + "}\n").write(toFile: path, atomically: true, encoding: .utf8)
}

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Bill a period and write every output.")

    @OptionGroup var inputOptions: InputOptions

    @Option(name: .long, help: "Where the outputs go (default: output/YYYY-MM).")
    var output: String?

    @Option(name: .long, help: "The month to bill, YYYY-MM (default: the month after state.yaml's).", transform: parsePeriod)
    var period: Period?

    @Option(name: .customLong("as-of"), help: "The date overdue days are counted to (default: the period's last day).", transform: parseDate)
    var asOf: CivilDate?

    @Flag(name: .customLong("skip-invalid"), help: "Leave invalid rows out (listed in errors.csv) instead of stopping.")
    var skipInvalid = false

    @OptionGroup var sortMemory: SortMemoryOption

    func run() throws {
        var options = RunOptions()
        options.input = inputOptions.input
        options.statePath = inputOptions.state
        options.output = output
        options.period = period
        options.asOf = asOf
        options.skipInvalid = skipInvalid
        options.sortBudget = SortBudget(megabytes: sortMemory.megabytes)
        options.activationSecret = ProcessInfo.processInfo.environment["TAGIH_SECRET"]
        let progress = ProgressLine.start()
        let outcome = Batch.run(options)
        progress?.stop()
        writeStats(outcome, to: inputOptions.stats)
        Terminal.report(outcome, inputFolder: inputOptions.input)
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Validate the input and report every problem; write nothing.")

    @OptionGroup var inputOptions: InputOptions

    func run() throws {
        let progress = ProgressLine.start()
        let outcome = Batch.check(input: inputOptions.input, statePath: inputOptions.state)
        progress?.stop()
        writeStats(outcome, to: inputOptions.stats)
        Terminal.report(outcome, inputFolder: inputOptions.input)
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}

struct OverdueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overdue",
        abstract: "The overdue list alone, from state.yaml and the payments in the input folder: a daily disconnection job."
    )

    @OptionGroup var inputOptions: InputOptions

    @Option(name: .customLong("as-of"), help: "The date days overdue are counted to (default: today in the operator's time zone).", transform: parseDate)
    var asOf: CivilDate?

    @Option(name: .long, help: "Where overdue.xlsx and overdue.csv go (default: output/overdue-DATE).")
    var output: String?

    @OptionGroup var sortMemory: SortMemoryOption

    func run() throws {
        let progress = ProgressLine.start()
        let outcome = Batch.overdue(input: inputOptions.input, statePath: inputOptions.state, asOf: asOf ?? Batch.today(input: inputOptions.input),
                                    output: output, sortBudget: SortBudget(megabytes: sortMemory.megabytes))
        progress?.stop()
        Terminal.report(outcome, inputFolder: inputOptions.input)
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}

func parsePeriod(_ text: String) throws -> Period {
    guard let period = Period(text) else { throw ValidationError("'\(text)' is not a month written YYYY-MM") }
    return period
}

func parseDate(_ text: String) throws -> CivilDate {
    guard case .success(let date) = CivilDate.parse(text) else { throw ValidationError("'\(text)' is not a date written YYYY-MM-DD") }
    return date
}
