/// A table's columns as a type: one case per column, spelled as the file spells it, the
/// required ones first. A decoder names a column by its case, so a misspelt column does not
/// compile, and reads it at the case's slot: its place among the cases, which is its place
/// in the table's schema.
public protocol TableColumns: CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == String, AllCases == [Self] {
    /// The table as messages name it.
    static var table: String { get }
    /// The columns a row must have.
    static var required: Set<Self> { get }
}

extension TableColumns {
    /// The schema readers bind a file's header or keys to, the columns in case order.
    public static var schema: TableSchema {
        TableSchema(table: table, fields: allCases.map { (name: $0.rawValue, required: required.contains($0)) })
    }

    /// Where the column's value is in a row read with `schema`.
    public var slot: Int {
        // Every case is among all cases.
        Self.allCases.firstIndex(of: self)!
    }
}
