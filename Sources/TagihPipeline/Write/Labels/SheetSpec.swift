import TagihCore

/// A sheet as a writer defines it: which sheet, and which columns of which kind, by meaning.
/// `WorkbookLabels.layout` gives it words in the operator's language.
struct SheetSpec: Sendable {
    struct Column: Sendable {
        let header: WorkbookLabels.Header
        let kind: ColumnKind
    }

    let sheet: WorkbookLabels.Sheet
    let columns: [Column]
    /// Off for sheets that are already one row per currency.
    let totals: Bool

    init(_ sheet: WorkbookLabels.Sheet, totals: Bool = true, _ columns: [(WorkbookLabels.Header, ColumnKind)]) {
        self.sheet = sheet
        self.totals = totals
        self.columns = columns.map { Column(header: $0.0, kind: $0.1) }
    }

    /// Where a column is, for charts that point at one.
    func index(of header: WorkbookLabels.Header) -> Int? { columns.firstIndex { $0.header == header } }
}
