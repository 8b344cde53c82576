import ArgumentParser
import TagihCore
import TagihPipeline

struct OverdueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overdue",
        abstract: "The overdue list alone, from the last run's state and the payments since: a daily disconnection job."
    )

    @OptionGroup var inputOptions: InputOptions

    @Option(name: .customLong("as-of"), help: "The date days overdue are counted to (default: today in the operator's time zone).", transform: parseDate)
    var asOf: CivilDate?

    @Option(name: .long, help: "Where overdue.xlsx and overdue.csv go (default: output/overdue-DATE).")
    var output: String?

    @OptionGroup var sortMemory: SortMemoryOption

    func run() throws {
        var options = RunOptions()
        options.input = inputOptions.input
        options.statePath = inputOptions.state
        options.output = output
        options.asOf = asOf
        options.sortBudget = SortBudget(megabytes: sortMemory.megabytes)
        try Environment.apply(to: &options)
        try finish({ Overdue.run(options) }, inputFolder: inputOptions.input, stats: inputOptions.stats)
    }
}
