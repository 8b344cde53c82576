import Synchronization

/// Where a value came from: the file's name inside the input folder (or, for a file outside
/// it such as the state a run continues from, its path), 1-based line and column.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The file, by its number in `SourceFiles`: every tenant, subscription and warning
    /// carries a location, and a name of its own made each one 32 bytes instead of 16.
    private let fileNumber: UInt32
    /// Kept in 32 bits (a line past four billion is read as the last one that fits).
    private let storedLine: UInt32
    private let storedColumn: UInt32
    /// The file is not in the input folder: `file` is its path as given.
    public let external: Bool

    public var file: String { SourceFiles.name(fileNumber) }
    public var line: Int { Int(storedLine) }
    public var column: Int { Int(storedColumn) }

    public init(file: String, line: Int, column: Int, external: Bool = false) {
        fileNumber = SourceFiles.number(file)
        storedLine = UInt32(clamping: line)
        storedColumn = UInt32(clamping: column)
        self.external = external
    }

    /// The same place, in a file outside the input folder.
    public var outside: SourceLocation { SourceLocation(file: file, line: line, column: column, external: true) }

    /// For problems with a whole file (missing, unreadable): no line or column.
    public static func file(_ name: String) -> SourceLocation { SourceLocation(file: name, line: 0, column: 0) }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        // Most places compared are in one file (a million warnings on tenants.csv): no names.
        if lhs.fileNumber == rhs.fileNumber { return (lhs.line, lhs.column) < (rhs.line, rhs.column) }
        return (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    /// `payments.csv:12:5`, or just the file name when there is no line.
    public var description: String { line > 0 ? "\(file):\(line):\(column)" : file }
}

/// The names of the files locations point into, each kept once for the process and known by
/// its number: a run reads a few dozen files and makes millions of locations.
enum SourceFiles {
    private static let table = Mutex(FileNames(limit: 65_536))

    static func number(_ name: String) -> UInt32 { table.withLock { $0.number(name) } }
    static func name(_ number: UInt32) -> String { table.withLock { $0.name(number) } }
}

/// File names by number, at most `limit` of them. A run names a few hundred files at the very
/// most (the payment exports its state remembers); a state or journal made to name more, or a
/// fuzzer changing the names in one, would otherwise grow the process's table without end.
/// Past the limit, new names read as `unnamed`.
struct FileNames {
    static let unnamed = "(a file past tagih's limit of names)"
    let limit: Int
    private var names: [String] = []
    private var numbers: [String: UInt32] = [:]

    init(limit: Int) {
        precondition(limit >= 1, "room for the unnamed file at least")
        self.limit = limit
    }

    mutating func number(_ name: String) -> UInt32 {
        if let number = numbers[name] { return number }
        let name = names.count < limit - 1 ? name : Self.unnamed
        if let number = numbers[name] { return number }
        let number = UInt32(names.count)
        names.append(name)
        numbers[name] = number
        return number
    }

    func name(_ number: UInt32) -> String { names[Int(number)] }
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
