import CXlsxWriter
import TagihCore

/// One logical sheet. Rows are appended in order; past Excel's row limit the sheet goes on
/// in `NAME (2)` with the same header. Column widths follow the widest value written, text
/// wraps past `maxTextWidth`, and each part ends in a totals row per currency under its
/// money columns, summed while the rows are written (constant-memory mode cannot go back).
public final class XlsxSheet: RowSink {
    public let layout: SheetLayout
    private unowned let workbook: XlsxWorkbook
    private(set) var worksheet: UnsafeMutablePointer<lxw_worksheet>
    private var nextRow = 1
    private var part = 1
    private var widths: [Int]
    private var partFinished = false
    /// This part's money per column and currency, exact: a month of amounts can pass 64 bits.
    /// A sheet holds a few currencies at most, so each column's are looked up in order.
    private var sums: [[(currency: CurrencyCode, total: Int128)]]
    private var currenciesInPart: [CurrencyCode] = []
    /// How the last currency written is shown, kept: a sheet's amounts are nearly all in one.
    private var lastMoneyStyle: MoneyStyle?
    /// Cells written so far, across parts; used by benchmarks.
    public private(set) var cellCount = 0
    public private(set) var rowCount = 0
    private var countedCells = 0

    /// Excel's limit for one cell's text.
    static let maxCellText = 32_767
    /// The largest whole number a double holds exactly.
    static let exactInDouble: UInt64 = 1 << 53
    /// Text wider than this wraps onto more lines rather than widening its column: wide
    /// sheets must still fit a page's width at a size that can be read.
    static let maxTextWidth = 30
    /// Characters counted on one wrapped line of such a column: fewer than its width, since
    /// the font is proportional and the row must not be too short for what wraps.
    static let wrappedLine = 28
    /// The narrowest a column gets, so a short title still has room to wrap into.
    static let minWidth = 6
    /// Points per line of text at the default 11-point font.
    static let lineHeight = 15.0
    /// Wider than this (in characters at the default font) a sheet prints landscape.
    static let portraitWidth = 95
    /// Excel's paper code for A4.
    static let a4: UInt8 = 9

    init(workbook: XlsxWorkbook, layout: SheetLayout) throws {
        self.workbook = workbook
        self.layout = layout
        self.worksheet = try workbook.addWorksheet(named: layout.name)
        // A title wraps at its spaces, so only its longest word has to fit the column.
        self.widths = layout.columns.map { column in
            max((column.title.split(separator: " ").map(\.count).max() ?? 0) + 2, XlsxSheet.minWidth)
        }
        self.sums = Array(repeating: [], count: layout.columns.count)
        try writeHeader()
    }

    private func writeHeader() throws {
        // Constant-memory mode cannot come back to a row, so its height is set before its
        // cells: as many lines as the longest title needs in the narrowest its column can be.
        let lines = zip(layout.columns, widths).map { XlsxSheet.lines($0.title, width: $1 - 2) }.max() ?? 1
        if lines > 1 {
            try check(worksheet_set_row(worksheet, 0, XlsxSheet.lineHeight * Double(lines), nil), "sizing the header of \(layout.name)")
        }
        for (index, column) in layout.columns.enumerated() {
            let format = column.kind == .text ? workbook.headerFormat : workbook.numberHeaderFormat
            try check(worksheet_write_string(worksheet, 0, lxw_col_t(index), column.title, format), "writing the header of \(layout.name)")
        }
        // The header and the id column stay in view while scrolling either way.
        worksheet_freeze_panes(worksheet, 1, lxw_col_t(min(layout.frozenColumns, layout.columns.count)))
        // Printed: A4, the page's width (as many pages tall as it takes), the header row on
        // every page, who, what and when at the top, page numbers at the bottom.
        worksheet_set_paper(worksheet, XlsxSheet.a4)
        worksheet_fit_to_pages(worksheet, 1, 0)
        // Narrow side margins (inches: left, right, top, bottom) leave more of the page's
        // width to the columns, so a wide sheet shrinks less.
        worksheet_set_margins(worksheet, 0.4, 0.4, 0.75, 0.75)
        try check(worksheet_repeat_rows(worksheet, 0, 0), "setting print titles of \(layout.name)")
        try check(worksheet_set_header(worksheet, workbook.pageHeader), "setting the page header of \(layout.name)")
        try check(worksheet_set_footer(worksheet, workbook.pageFooter), "setting the page footer of \(layout.name)")
    }

    /// The rows a part keeps free at its end for the totals: a blank row and one per currency.
    private func reserved(for row: [Cell]) -> Int {
        guard layout.totals && layout.hasMoney else { return 0 }
        var more = 0
        for cell in row { if case .money(let money) = cell, !currenciesInPart.contains(money.currency) { more += 1 } }
        return 1 + currenciesInPart.count + more
    }

    public func append(_ row: [Cell]) throws {
        if nextRow + reserved(for: row) >= XlsxWorkbook.maxRows {
            try finishPart()
            part += 1
            worksheet = try workbook.addWorksheet(named: "\(layout.name) (\(part))")
            partFinished = false
            nextRow = 1
            sums = Array(repeating: [], count: layout.columns.count)
            currenciesInPart = []
            try writeHeader()
        }
        let rowIndex = lxw_row_t(nextRow)
        // Text past a column's widest wraps onto more lines: the row is made tall enough first,
        // since spreadsheets do not all grow a row on opening. Text up to the widest never
        // wraps (its column grows to fit it), and text past it finds its column exactly that
        // wide, so the lines are known now, before the widths are.
        var lines = 1
        for cell in row {
            if case .text(let text) = cell, XlsxSheet.mayWrap(text) {
                lines = max(lines, XlsxSheet.lines(text, width: XlsxSheet.wrappedLine))
            }
        }
        if lines > 1 {
            try check(worksheet_set_row(worksheet, rowIndex, XlsxSheet.lineHeight * Double(min(lines, 409 / 15)), nil), "sizing row \(rowIndex + 1) of \(layout.name)")
        }
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
            // A string cell is never a formula, whatever it starts with.
            if let plain = XlsxSheet.plainWidth(text) {
                // Most cells: short ASCII on one line, measured without walking graphemes.
                code = worksheet_write_string(worksheet, row, column, text, workbook.textFormat)
                width = min(plain, XlsxSheet.maxTextWidth) + 1
            } else {
                let clipped = XlsxSheet.characters(text) > XlsxSheet.maxCellText ? String(text.prefix(XlsxSheet.maxCellText)) : text
                code = worksheet_write_string(worksheet, row, column, clipped, workbook.textFormat)
                // The longest line, and one character for the indent; wrapping takes the rest.
                width = min(XlsxSheet.longestLine(clipped), XlsxSheet.maxTextWidth) + 1
            }
        case .integer(let value):
            code = worksheet_write_number(worksheet, row, column, Double(value), workbook.integerFormat)
            width = XlsxSheet.digits(UInt64(value.magnitude)) + (value < 0 ? 1 : 0) + 2
        case .money(let money):
            if layout.totals { add(money, column: Int(column)) }
            (code, width) = writeMoney(Int128(money.minor), money.currency, row: row, column: column, total: false)
        case .date(let date):
            // Excel's day 0 is 1899-12-30; 1970-01-01 is day 25569.
            code = worksheet_write_number(worksheet, row, column, Double(Int(date.daysSinceEpoch) + 25569), workbook.dateFormat)
            width = 10
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
        widen(Int(column), to: width)
    }

    /// An amount as a number in its currency's format, or, past what a double holds exactly,
    /// as exact text: no amount is ever shown other than it is.
    private func writeMoney(_ minor: Int128, _ currency: CurrencyCode, row: lxw_row_t, column: lxw_col_t, total: Bool) -> (lxw_error, Int) {
        let style = moneyStyle(currency)
        let minorUnits = style.minorUnits
        if minor.magnitude > UInt128(XlsxSheet.exactInDouble) {
            let text = "\(currency) " + XlsxSheet.plain(minor, minorUnits: minorUnits)
            return (worksheet_write_string(worksheet, row, column, text, total ? workbook.totalTextFormat : nil), text.count + 1)
        }
        let value = Double(Int64(minor)) / Double(pow10(minorUnits))
        let format = total ? workbook.totalMoneyFormat(currency) : style.format
        // As shown: `Rp 228,250`, the symbol, a space, the digits with their separators.
        let digits = max(XlsxSheet.digits(UInt64(minor.magnitude)) - minorUnits, 1)
        let shown = style.symbolWidth + 1 + digits + (digits - 1) / 3 + (minorUnits > 0 ? minorUnits + 1 : 0) + (minor < 0 ? 1 : 0)
        return (worksheet_write_number(worksheet, row, column, value, format), total ? shown + 1 : shown)
    }

    /// A currency's minor units, cell format and symbol's width, as amounts in it are written.
    private struct MoneyStyle {
        let currency: CurrencyCode
        let minorUnits: Int
        let format: UnsafeMutablePointer<lxw_format>
        let symbolWidth: Int
    }

    private func moneyStyle(_ currency: CurrencyCode) -> MoneyStyle {
        if let last = lastMoneyStyle, last.currency == currency { return last }
        let style = MoneyStyle(currency: currency, minorUnits: workbook.currencies(currency)?.minorUnits ?? 2,
                               format: workbook.moneyFormat(currency), symbolWidth: workbook.currencySymbol(currency).count)
        lastMoneyStyle = style
        return style
    }

    /// Adds an amount to its column's total in its currency.
    private func add(_ money: Money, column: Int) {
        if let place = sums[column].firstIndex(where: { $0.currency == money.currency }) {
            sums[column][place].total += Int128(money.minor)
        } else {
            sums[column].append((money.currency, Int128(money.minor)))
        }
        if !currenciesInPart.contains(money.currency) { currenciesInPart.append(money.currency) }
    }

    /// The length of ASCII text on one line that never wraps or clips, or nil for any other
    /// text (which is measured by characters).
    static func plainWidth(_ text: String) -> Int? {
        let utf8 = text.utf8
        guard utf8.count <= maxTextWidth, utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\n") }) else { return nil }
        return utf8.count
    }

    /// Whether text may take more than one line: longer than a column gets, or with a newline.
    static func mayWrap(_ text: String) -> Bool {
        plainWidth(text) == nil && (text.utf8.contains(UInt8(ascii: "\n")) || characters(text) > maxTextWidth)
    }

    /// Whether each byte of `text` is a character of its own: ASCII without a carriage return
    /// (which with a line feed after it is one character). Most cells are, and are measured
    /// by their bytes, without walking graphemes.
    static func bytesAreCharacters(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }

    /// The characters of `text`, as a spreadsheet counts them.
    static func characters(_ text: String) -> Int {
        bytesAreCharacters(text) ? text.utf8.count : text.count
    }

    /// The characters of the longest line of `text`.
    static func longestLine(_ text: String) -> Int {
        guard bytesAreCharacters(text) else {
            return text.split(separator: "\n", omittingEmptySubsequences: false).map(\.count).max() ?? 0
        }
        var longest = 0
        var current = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") { current = 0 } else { current += 1; longest = max(longest, current) }
        }
        return longest
    }

    /// Decimal digits of a number.
    static func digits(_ value: UInt64) -> Int {
        var count = 1
        var rest = value
        while rest >= 10 { rest /= 10; count += 1 }
        return count
    }

    /// The lines `text` takes wrapped at `width` characters: broken at spaces, a word longer
    /// than a line broken where it reaches the end, as spreadsheets do.
    static func lines(_ text: String, width: Int) -> Int {
        let width = max(width, 1)
        if bytesAreCharacters(text) { return linesOfBytes(text, width: width) }
        var count = 0
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var used = 0
            count += 1
            for word in paragraph.split(separator: " ") {
                var length = word.count
                if used > 0 && used + 1 + length > width {
                    count += 1
                    used = 0
                } else if used > 0 {
                    used += 1
                }
                while length > width {
                    count += 1
                    length -= width
                }
                used += length
            }
        }
        return max(count, 1)
    }

    /// `lines` for text whose bytes are its characters, counted in one pass over them.
    private static func linesOfBytes(_ text: String, width: Int) -> Int {
        var count = 1
        var used = 0
        var word = 0
        func endWord() {
            guard word > 0 else { return }
            var length = word
            word = 0
            if used > 0 && used + 1 + length > width {
                count += 1
                used = 0
            } else if used > 0 {
                used += 1
            }
            while length > width {
                count += 1
                length -= width
            }
            used += length
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: " "): endWord()
            case UInt8(ascii: "\n"):
                endWord()
                count += 1
                used = 0
            default: word += 1
            }
        }
        endWord()
        return count
    }

    /// `12345.67` from 1234567 minor units at 2: exact at any size.
    static func plain(_ minor: Int128, minorUnits: Int) -> String {
        let digits = String(minor.magnitude)
        let sign = minor < 0 ? "-" : ""
        guard minorUnits > 0 else { return sign + digits }
        let padded = String(repeating: "0", count: max(0, minorUnits + 1 - digits.count)) + digits
        return sign + padded.dropLast(minorUnits) + "." + padded.suffix(minorUnits)
    }

    private func widen(_ index: Int, to width: Int) {
        if index < widths.count && width + 2 > widths[index] { widths[index] = width + 2 }
    }

    /// Ends the part being written: its totals rows, column widths, filter and orientation;
    /// called before the next part and when the workbook closes.
    func finishPart() throws {
        guard !partFinished else { return }
        partFinished = true
        XlsxStatistics.add(cellCount - countedCells)
        countedCells = cellCount
        let lastColumn = lxw_col_t(max(layout.columns.count - 1, 0))
        // The filter covers the data rows; the totals below stay put when a reader sorts.
        try check(worksheet_autofilter(worksheet, 0, 0, lxw_row_t(max(nextRow - 1, 1)), lastColumn), "filtering \(layout.name)")
        try writeTotals()
        for (index, width) in widths.enumerated() {
            try check(worksheet_set_column(worksheet, lxw_col_t(index), lxw_col_t(index), Double(width), nil), "sizing columns of \(layout.name)")
        }
        if widths.reduce(0, +) > XlsxSheet.portraitWidth { worksheet_set_landscape(worksheet) }
    }

    /// After a blank row, one bold row per currency: `Total IDR` and the sum of every money
    /// column in that currency; the operator's currency first, then the others by code.
    private func writeTotals() throws {
        guard layout.totals, !currenciesInPart.isEmpty else { return }
        let home = workbook.frame.homeCurrency
        let order = currenciesInPart.sorted { a, b in a == b ? false : a == home ? true : b == home ? false : a < b }
        // The label goes in the first column that holds no money (the id column, as a rule).
        let labelColumn = layout.columns.firstIndex { $0.kind != .money }
        var row = nextRow + 1
        for currency in order {
            let rowIndex = lxw_row_t(row)
            for index in layout.columns.indices {
                if index == labelColumn {
                    let label = "\(workbook.frame.total) \(currency)"
                    try check(worksheet_write_string(worksheet, rowIndex, lxw_col_t(index), label, workbook.totalLabelFormat), "writing totals of \(layout.name)")
                    widen(index, to: label.count + 1)
                } else if layout.columns[index].kind == .money, let sum = sums[index].first(where: { $0.currency == currency })?.total {
                    let (code, width) = writeMoney(sum, currency, row: rowIndex, column: lxw_col_t(index), total: true)
                    try check(code, "writing totals of \(layout.name)")
                    widen(index, to: width)
                } else {
                    try check(worksheet_write_blank(worksheet, rowIndex, lxw_col_t(index), workbook.totalBorderFormat), "writing totals of \(layout.name)")
                }
            }
            row += 1
        }
    }
}
