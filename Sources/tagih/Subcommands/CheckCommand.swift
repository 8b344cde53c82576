import ArgumentParser
import TagihPipeline

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Validate the input and report every problem; write nothing.")

    @OptionGroup var inputOptions: InputOptions

    @Option(name: .long, help: "Where the runs' month folders are, to know what they handled (default: output).")
    var output: String?

    func run() throws {
        var options = RunOptions()
        options.input = inputOptions.input
        options.statePath = inputOptions.state
        options.output = output.map { $0 + "/check" }
        try Environment.apply(to: &options)
        try finish({ Check.run(options) }, inputFolder: inputOptions.input, stats: inputOptions.stats)
    }
}
