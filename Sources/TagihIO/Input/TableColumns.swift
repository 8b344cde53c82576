/// A table's columns as a type: one case per column, numbered from 0 in the order of the
/// table's slots, the required ones first. A decoder names a column by its case, so a
/// misspelt column does not compile, and reads it at the case's number.
public protocol TableColumns: CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == Int {
    /// The table as messages name it.
    static var table: String { get }
    /// The columns a row must have.
    static var required: Set<Self> { get }
    /// How the file spells the column when that is not the case's name in snake case
    /// (`Created date (UTC)`); nil by default.
    var spelling: String? { get }
}

extension TableColumns {
    /// Where the column's value is in a row read with `schema`.
    @inlinable public var slot: Int { rawValue }

    public var spelling: String? { nil }

    /// The column as the file spells it: its spelling, or the case's name in snake case
    /// (`tenantId`: `tenant_id`).
    public var name: String { spelling ?? snakeCase(String(describing: self)) }

    /// The schema readers bind a file's header or keys to, the columns in case order.
    public static var schema: TableSchema {
        precondition(allCases.map(\.rawValue) == Array(0..<allCases.count), "\(table): columns are numbered from 0 in order")
        return TableSchema(table: table, fields: allCases.map { (name: $0.name, required: required.contains($0)) })
    }
}

/// `tenantId` as `tenant_id`, `customField1` as `custom_field1`.
func snakeCase(_ name: String) -> String {
    var snake = ""
    for character in name {
        if character.isUppercase {
            snake.append("_")
            snake.append(contentsOf: character.lowercased())
        } else {
            snake.append(character)
        }
    }
    return snake
}
