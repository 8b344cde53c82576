import TagihCore
import TagihIO

/// `errors.csv`: every bad input row, sorted by file, line and column.
enum ErrorsFile {
    static let header = ["file", "line", "column", "value", "message"]

    static func write(_ diagnostics: [Diagnostic], to path: String) throws {
        let writer = try CSVWriter(path: path, header: header, currencies: Currencies())
        for item in diagnostics {
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
