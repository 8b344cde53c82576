import TagihCore
import TagihPipeline

#if canImport(Glibc)
import Glibc
#endif

/// Everything tagih prints: diagnostics on stderr as `file:line:column: message`, the
/// summary on stdout.
enum Terminal {
    static func error(_ text: String) {
        var lines = StderrLines()
        lines.add(text)
        lines.flush()
    }

    /// Lines for stderr gathered into writes of 64 KiB: a month can have a hundred thousand
    /// warnings, and a system call each took 0.2 s through a pipe (more to a terminal) after
    /// the outputs were in place.
    struct StderrLines {
        private var buffer: [UInt8] = []

        mutating func add(_ line: String) {
            buffer.append(contentsOf: line.utf8)
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count >= 1 << 16 { flush() }
        }

        mutating func flush() {
            buffer.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = write(2, bytes.baseAddress! + offset, bytes.count - offset)
                    if written <= 0 { return }
                    offset += written
                }
            }
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// `input/tenants.csv:19:1`: a file in the input folder is shown with the folder's path,
    /// one outside it (the state a run continues from) as it was given.
    static func place(_ location: SourceLocation, inputFolder: String) -> String {
        let file = location.external ? location.file : "\(inputFolder)/\(location.file)"
        return location.line > 0 ? "\(file):\(location.line):\(location.column)" : file
    }

    static func report(_ outcome: RunOutcome, inputFolder: String) {
        var lines = StderrLines()
        for item in outcome.diagnostics {
            lines.add("\(place(item.location, inputFolder: inputFolder)): \(item.message)")
        }
        for item in outcome.warnings {
            lines.add("\(place(item.location, inputFolder: inputFolder)): \(item.message)")
        }
        lines.flush()
        switch outcome.status {
        case .success:
            for line in outcome.summary { print(line) }
        case .invalidInput:
            for line in outcome.summary { print(line) }
            let count = outcome.diagnostics.count
            var message = "tagih: \(count) problem\(count == 1 ? "" : "s") in the input"
            if let path = outcome.outputPath {
                message += "; listed in \(path)/errors.csv. Nothing else was written"
            }
            error(message + ".")
        case .usage(let message):
            error("tagih: \(message)")
        case .outputFailed(let message):
            error("tagih: could not write the outputs: \(message). Earlier outputs were left as they were.")
        case .inconsistent(let problems):
            for problem in problems { error("tagih: check failed: \(problem)") }
            error("tagih: the run's numbers do not reconcile, which is a defect in tagih; nothing was written. Please report it with the input.")
        }
    }
}
