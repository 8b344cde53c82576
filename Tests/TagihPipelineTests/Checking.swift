import TagihCore
@testable import TagihPipeline

/// `tagih check` on a folder, as the library runs it.
func check(_ input: String) -> RunOutcome {
    var options = RunOptions()
    options.input = input
    options.output = input + "/output/check"
    return Check.run(options)
}

/// The input folder and its validated tables, as a run's load stage reads them.
func load(_ input: String) -> (InputFolder, BillingInput, Diagnostics) {
    var options = RunOptions()
    options.input = input
    options.output = input + "/output/check"
    let context = try! RunContext.settle(options, scratch: nil, purpose: .check)
    var diagnostics = Diagnostics()
    let loaded = Load.tables(context, diagnostics: &diagnostics)
    return (context.folder, loaded.input, diagnostics)
}
