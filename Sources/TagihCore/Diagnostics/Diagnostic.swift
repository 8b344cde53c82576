/// Where a value came from: the file's name inside the input folder (or, for a file outside
/// it such as the state a run continues from, its path), 1-based line and column.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let file: String
    /// Kept in 32 bits (every tenant, subscription and warning carries a location; a line
    /// past four billion is read as the last one that fits).
    private let storedLine: UInt32
    private let storedColumn: UInt32
    /// The file is not in the input folder: `file` is its path as given.
    public let external: Bool

    public var line: Int { Int(storedLine) }
    public var column: Int { Int(storedColumn) }

    public init(file: String, line: Int, column: Int, external: Bool = false) {
        self.file = file
        storedLine = UInt32(clamping: line)
        storedColumn = UInt32(clamping: column)
        self.external = external
    }

    /// The same place, in a file outside the input folder.
    public var outside: SourceLocation { SourceLocation(file: file, line: line, column: column, external: true) }

    /// For problems with a whole file (missing, unreadable): no line or column.
    public static func file(_ name: String) -> SourceLocation { SourceLocation(file: name, line: 0, column: 0) }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    /// `payments.csv:12:5`, or just the file name when there is no line.
    public var description: String { line > 0 ? "\(file):\(line):\(column)" : file }
}

/// One problem with the input, reported in `errors.csv` and on stderr.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public let location: SourceLocation
    /// The offending text as it was read (cut short when very long).
    public let value: String
    /// Starts with the field's name where there is one: `amount "1,5" is not a decimal number`.
    public let message: String

    public init(_ location: SourceLocation, value: String = "", _ message: String) {
        self.location = location
        self.value = value.count > 200 ? String(value.prefix(200)) + "..." : value
        self.message = message
    }

    public var description: String { "\(location): \(message)" }

    /// The same problem, in a file outside the input folder.
    public var outside: Diagnostic { Diagnostic(location.outside, value: value, message) }
}

/// Collects diagnostics while a stage runs; stages return them instead of printing.
public struct Diagnostics: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init() {}

    public var isEmpty: Bool { items.isEmpty }
    public var count: Int { items.count }

    public mutating func add(_ diagnostic: Diagnostic) { items.append(diagnostic) }
    public mutating func add(contentsOf other: Diagnostics) { items.append(contentsOf: other.items) }

    /// Sorted by file, line, column, so errors.csv reads top to bottom like the inputs.
    public var sorted: [Diagnostic] {
        items.sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }
}
