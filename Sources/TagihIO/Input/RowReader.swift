import TagihCore

/// A table reader of either form; both refill the same `row` for every record.
public protocol RowReader: AnyObject {
    var row: RowValues { get }
    func next() throws(InputFailure) -> RowResult
}

extension CSVReader: RowReader {}
extension YAMLTableReader: RowReader {}

public enum TableFormat: String, Sendable {
    case csv
    case yaml

    public init?(fileName: String) {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".csv") { self = .csv }
        else if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { self = .yaml }
        else { return nil }
    }
}

public func openTable(path: String, name: String, schema: TableSchema) throws(InputFailure) -> any RowReader {
    switch TableFormat(fileName: name) {
    case .csv: return try CSVReader(path: path, name: name, schema: schema)
    case .yaml: return try YAMLTableReader(path: path, name: name, schema: schema)
    case nil: throw InputFailure(Diagnostic(.file(name), "not a .csv or .yaml file"))
    }
}
