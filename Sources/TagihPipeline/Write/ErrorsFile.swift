import TagihCore
import TagihIO

/// `errors.csv`: every bad input row, sorted by file, line and column.
enum ErrorsFile {
    static let header = ["file", "line", "column", "value", "message"]

    /// The rows left out and the warnings, each already in place order, merged in that order.
    static func write(_ diagnostics: [Diagnostic], warnings: WarningList = WarningList(), to path: String) throws {
        let writer = try CSVWriter(path: path, header: header, currencies: Currencies())
        var (next, nextWarning) = (diagnostics.startIndex, warnings.startIndex)
        while next < diagnostics.endIndex || nextWarning < warnings.endIndex {
            let item: Diagnostic
            if nextWarning == warnings.endIndex {
                item = diagnostics[next]
                next += 1
            } else {
                let warning = warnings[nextWarning]
                if next < diagnostics.endIndex, (diagnostics[next].location, diagnostics[next].message) <= (warning.location, warning.message) {
                    item = diagnostics[next]
                    next += 1
                } else {
                    item = warning
                    nextWarning += 1
                }
            }
            try writer.append([
                .text(item.location.file),
                item.location.line > 0 ? .integer(item.location.line) : .empty,
                item.location.line > 0 ? .integer(item.location.column) : .empty,
                .text(item.value), .text(item.message),
            ])
        }
        try writer.close()
    }
}
