import CXlsxWriter
import TagihCore

/// One logical sheet. Rows are appended in order; past Excel's row limit the sheet goes on
/// in `NAME (2)` with the same header. Column widths follow the widest value written.
public final class XlsxSheet: RowSink {
    public let layout: SheetLayout
    private unowned let workbook: XlsxWorkbook
    private(set) var worksheet: UnsafeMutablePointer<lxw_worksheet>
    private var nextRow = 1
    private var part = 1
    private var widths: [Int]
    private var partFinished = false
    /// Cells written so far, across parts; used by benchmarks.
    public private(set) var cellCount = 0
    public private(set) var rowCount = 0
    private var countedCells = 0

    /// Excel's limit for one cell's text.
    static let maxCellText = 32_767
    /// The largest whole number a double holds exactly.
    static let exactInDouble: UInt64 = 1 << 53

    init(workbook: XlsxWorkbook, layout: SheetLayout) throws {
        self.workbook = workbook
        self.layout = layout
        self.worksheet = try workbook.addWorksheet(named: layout.name)
        self.widths = layout.columns.map { min(max($0.title.count + 2, 10), 60) }
        try writeHeader()
    }

    private func writeHeader() throws {
        let header = workbook.headerFormat
        for (index, column) in layout.columns.enumerated() {
            try check(worksheet_write_string(worksheet, 0, lxw_col_t(index), column.title, header), "writing the header of \(layout.name)")
        }
        worksheet_freeze_panes(worksheet, 1, 0)
        // Printed, a sheet fits the page width and repeats its header on every page.
        worksheet_set_landscape(worksheet)
        worksheet_fit_to_pages(worksheet, 1, 0)
        try check(worksheet_repeat_rows(worksheet, 0, 0), "setting print titles of \(layout.name)")
    }

    public func append(_ row: [Cell]) throws {
        if nextRow == XlsxWorkbook.maxRows {
            try finishPart()
            part += 1
            worksheet = try workbook.addWorksheet(named: "\(layout.name) (\(part))")
            partFinished = false
            nextRow = 1
            try writeHeader()
        }
        let rowIndex = lxw_row_t(nextRow)
        for (index, cell) in row.enumerated() {
            try write(cell, row: rowIndex, column: lxw_col_t(index))
        }
        cellCount += row.count
        rowCount += 1
        nextRow += 1
    }

    /// The data rows written to the current part (header excluded).
    public var rowsInCurrentPart: Int { nextRow - 1 }

    private func write(_ cell: Cell, row: lxw_row_t, column: lxw_col_t) throws {
        let code: lxw_error
        var width = 0
        switch cell {
        case .empty:
            return
        case .text(let text):
            let clipped = text.count > XlsxSheet.maxCellText ? String(text.prefix(XlsxSheet.maxCellText)) : text
            // A string cell is never a formula, whatever it starts with.
            code = worksheet_write_string(worksheet, row, column, clipped, nil)
            width = clipped.count
        case .integer(let value):
            code = worksheet_write_number(worksheet, row, column, Double(value), workbook.integerFormat)
            width = String(value).count + 2
        case .money(let money):
            let minorUnits = workbook.currencies(money.currency)?.minorUnits ?? 2
            if money.minor.magnitude > XlsxSheet.exactInDouble {
                // A spreadsheet number is a double: past 2^53 it would be rounded. Written as
                // exact text instead, so no amount is ever shown other than it is.
                let text = money.plain(minorUnits: minorUnits)
                code = worksheet_write_string(worksheet, row, column, text, nil)
                width = text.count
            } else {
                let value = Double(money.minor) / Double(pow10(minorUnits))
                code = worksheet_write_number(worksheet, row, column, value, workbook.moneyFormat(money.currency))
                width = String(money.minor.magnitude).count * 4 / 3 + 6
            }
        case .date(let date):
            // Excel's day 0 is 1899-12-30; 1970-01-01 is day 25569.
            code = worksheet_write_number(worksheet, row, column, Double(Int(date.daysSinceEpoch) + 25569), workbook.dateFormat)
            width = 11
        case .dateTime(let seconds):
            let serial = Double(seconds) / 86400 + 25569
            code = worksheet_write_number(worksheet, row, column, serial, workbook.dateTimeFormat)
            width = 16
        case .decimal(let value):
            code = worksheet_write_number(worksheet, row, column, Double(value.units) / Double(pow10(value.scale)), workbook.decimalFormat(scale: value.scale))
            width = value.description.count * 4 / 3 + 2
        case .percent(let fraction):
            code = worksheet_write_number(worksheet, row, column, Double(fraction.numerator) / Double(fraction.denominator), workbook.percentFormat)
            width = 8
        }
        try check(code, "writing row \(row + 1) of \(layout.name)")
        let index = Int(column)
        if index < widths.count && width + 2 > widths[index] { widths[index] = min(width + 2, 60) }
    }

    /// Sets the widths and the filter of the part being written; called before the next part
    /// and when the workbook closes.
    func finishPart() throws {
        guard !partFinished else { return }
        partFinished = true
        XlsxStatistics.add(cellCount - countedCells)
        countedCells = cellCount
        for (index, width) in widths.enumerated() {
            try check(worksheet_set_column(worksheet, lxw_col_t(index), lxw_col_t(index), Double(width), nil), "sizing columns of \(layout.name)")
        }
        let lastColumn = lxw_col_t(max(layout.columns.count - 1, 0))
        try check(worksheet_autofilter(worksheet, 0, 0, lxw_row_t(max(nextRow - 1, 1)), lastColumn), "filtering \(layout.name)")
    }
}
