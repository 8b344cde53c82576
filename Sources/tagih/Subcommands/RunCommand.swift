import ArgumentParser
import TagihCore
import TagihPipeline

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Bill up to an as-of date, continuing from the last run: invoices, payments, payouts, documents and the month's reports."
    )

    @OptionGroup var inputOptions: InputOptions

    @Option(name: .long, help: "The month folder to write (default: output/YYYY-MM of the as-of); month folders are kept in its parent.")
    var output: String?

    @Option(name: .long, help: "The monthly run: as-of the month's last day; with no state, the span starts on its first day.", transform: parsePeriod)
    var period: Period?

    @Option(name: .customLong("as-of"), help: "The last day the run covers (default: today in the operator's time zone).", transform: parseDate)
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
        try Environment.apply(to: &options)
        try finish({ Run.run(options) }, inputFolder: inputOptions.input, stats: inputOptions.stats)
    }
}
