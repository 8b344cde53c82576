import ArgumentParser
import Foundation
import TagihIO

#if canImport(Glibc)
import Glibc
#endif

@main
struct Tagih: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tagih",
        abstract: "Subscription billing at any cadence: invoices, overdue lists, payouts and reports from a business's exports.",
        subcommands: [RunCommand.self, CheckCommand.self, OverdueCommand.self]
    )

    /// Exit codes as the spec fixes them: usage mistakes are 2, not ArgumentParser's 64.
    static func main() {
        FreeMemory.mapLargeBlocks()
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
