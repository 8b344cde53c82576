/// One cell of a report, independent of the file it ends up in.
public enum Cell: Sendable, Equatable {
    case empty
    case text(String)
    case integer(Int)
    /// Shown in the currency's format with its minor units.
    case money(Money)
    case date(CivilDate)
    /// A wall-clock time: seconds since 1970-01-01T00:00 in the operator's zone.
    case dateTime(localSeconds: Int64)
    /// A unit price or quantity that may carry more decimals than money does.
    case decimal(ExactDecimal)
    case percent(Fraction)
}

public enum ColumnKind: Sendable {
    case text, integer, money, date, dateTime, decimal, percent
}

public struct Column: Sendable {
    public let title: String
    public let kind: ColumnKind

    public init(_ title: String, _ kind: ColumnKind = .text) {
        self.title = title
        self.kind = kind
    }
}

/// A sheet's name and columns. A writer adds the header row, freezes it with the first
/// `frozenColumns` columns (the id a reader scrolls with), filters it, and closes the sheet
/// with a totals row per currency under its money columns when `totals` is on.
public struct SheetLayout: Sendable {
    public let name: String
    public let columns: [Column]
    /// Off for sheets that are already one row per currency, where a total repeats the row.
    public let totals: Bool
    public let frozenColumns: Int

    public init(name: String, columns: [Column], totals: Bool = true, frozenColumns: Int = 1) {
        self.name = name
        self.columns = columns
        self.totals = totals
        self.frozenColumns = frozenColumns
    }

    /// Whether any column holds money, so the sheet may end in totals rows.
    public var hasMoney: Bool { columns.contains { $0.kind == .money } }
}

/// Somewhere rows go, one at a time: a worksheet or a CSV file.
public protocol RowSink: AnyObject {
    /// Appends one row; the caller may reuse the array for the next row.
    func append(_ row: [Cell]) throws
}

/// A chart drawn from a range of a sheet already written.
public struct ChartSpec: Sendable {
    public enum Kind: Sendable { case column, bar, pie }

    public let kind: Kind
    public let title: String
    /// The sheet holding the data and where the chart is placed.
    public let sheet: String
    /// Zero-based data rows (not counting the header) and columns.
    public let firstRow: Int
    public let lastRow: Int
    public let categoryColumn: Int
    public let valueColumns: [Int]
    /// Zero-based cell the chart's top-left corner sits on.
    public let anchorRow: Int
    public let anchorColumn: Int

    public init(
        kind: Kind, title: String, sheet: String, firstRow: Int, lastRow: Int, categoryColumn: Int,
        valueColumns: [Int], anchorRow: Int, anchorColumn: Int
    ) {
        self.kind = kind
        self.title = title
        self.sheet = sheet
        self.firstRow = firstRow
        self.lastRow = lastRow
        self.categoryColumn = categoryColumn
        self.valueColumns = valueColumns
        self.anchorRow = anchorRow
        self.anchorColumn = anchorColumn
    }
}
