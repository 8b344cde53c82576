import CXlsxWriter
import TagihCore

public struct XlsxError: Error, CustomStringConvertible {
    public let description: String

    init(_ what: String, _ code: lxw_error) {
        description = "\(what): \(String(cString: lxw_strerror(code)))"
    }

    init(_ description: String) { self.description = description }
}

/// Throws when libxlsxwriter reports an error; every C call that can fail goes through here.
@inline(__always)
func check(_ code: lxw_error, _ what: @autoclosure () -> String) throws {
    if code != LXW_NO_ERROR { throw XlsxError(what(), code) }
}

/// A workbook written in libxlsxwriter's constant-memory mode: each row goes to disk as soon
/// as the next begins, so a million-row sheet costs no more memory than a short one.
/// The creation date is fixed by the caller, so the same data gives the same bytes.
public final class XlsxWorkbook {
    let handle: UnsafeMutablePointer<lxw_workbook>
    let currencies: Currencies
    private var formats: [String: UnsafeMutablePointer<lxw_format>] = [:]
    private var closed = false
    private var sheets: [XlsxSheet] = []
    let path: String
    let frame: PrintFrame
    /// The printed page's header and footer in the spreadsheet's codes, the same on every sheet.
    let pageHeader: String
    let pageFooter: String

    /// Excel's row limit; longer sheets continue on `NAME (2)`, `NAME (3)`.
    public static let maxRows = 1_048_576

    public init(path: String, created: Instant, frame: PrintFrame, currencies: Currencies) throws {
        self.path = path
        self.currencies = currencies
        self.frame = frame
        var options = lxw_workbook_options()
        options.constant_memory = 1
        options.use_zip64 = 0
        guard let handle = workbook_new_opt(path, &options) else { throw XlsxError("cannot create \(path)") }
        self.handle = handle
        let title = frame.period.isEmpty ? frame.title : frame.title + " " + frame.period
        try title.withCString { titlePointer in
            try frame.operatorName.withCString { authorPointer in
                var properties = lxw_doc_properties()
                properties.title = UnsafeMutablePointer(mutating: titlePointer)
                properties.author = UnsafeMutablePointer(mutating: authorPointer)
                properties.created = time_t(created.seconds)
                try check(workbook_set_properties(handle, &properties), "setting properties of \(path)")
            }
        }
        pageHeader = PageCodes.header(frame)
        pageFooter = PageCodes.footer(frame)
    }

    deinit {
        if !closed { _ = workbook_close(handle) }
    }

    /// Adds a sheet with a bold, frozen, filtered header row, set up to print.
    public func addSheet(_ layout: SheetLayout) throws -> XlsxSheet {
        let sheet = try XlsxSheet(workbook: self, layout: layout)
        sheets.append(sheet)
        return sheet
    }

    func addWorksheet(named name: String) throws -> UnsafeMutablePointer<lxw_worksheet> {
        guard let worksheet = workbook_add_worksheet(handle, name) else { throw XlsxError("cannot add sheet \(name) to \(path)") }
        return worksheet
    }

    public func addChart(_ spec: ChartSpec) throws {
        guard let sheet = sheets.first(where: { $0.layout.name == spec.sheet }) else { throw XlsxError("no sheet \(spec.sheet) for chart") }
        let type: UInt8
        switch spec.kind {
        case .column: type = UInt8(LXW_CHART_COLUMN.rawValue)
        case .bar: type = UInt8(LXW_CHART_BAR.rawValue)
        case .pie: type = UInt8(LXW_CHART_PIE.rawValue)
        }
        guard let chart = workbook_add_chart(handle, type) else { throw XlsxError("cannot add a chart to \(path)") }
        for column in spec.valueColumns {
            guard let series = chart_add_series(chart, nil, nil) else { throw XlsxError("cannot add a chart series") }
            chart_series_set_categories(series, spec.sheet, lxw_row_t(spec.firstRow + 1), lxw_col_t(spec.categoryColumn), lxw_row_t(spec.lastRow + 1), lxw_col_t(spec.categoryColumn))
            chart_series_set_values(series, spec.sheet, lxw_row_t(spec.firstRow + 1), lxw_col_t(column), lxw_row_t(spec.lastRow + 1), lxw_col_t(column))
            chart_series_set_name_range(series, spec.sheet, 0, lxw_col_t(column))
        }
        chart_title_set_name(chart, spec.title)
        chart_axis_set_num_format(spec.kind == .bar ? chart.pointee.x_axis : chart.pointee.y_axis, "#,##0")
        if spec.valueColumns.count == 1 && spec.kind != .pie { chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_NONE.rawValue)) }
        try check(worksheet_insert_chart(sheet.worksheet, lxw_row_t(spec.anchorRow), lxw_col_t(spec.anchorColumn), chart), "placing a chart")
    }

    /// Writes the file. Nothing is on disk under `path` until this returns.
    public func close() throws {
        for sheet in sheets { try sheet.finishPart() }
        closed = true
        try check(workbook_close(handle), "writing \(path)")
    }

    // MARK: formats

    func format(_ key: String, _ configure: (UnsafeMutablePointer<lxw_format>) -> Void) -> UnsafeMutablePointer<lxw_format> {
        if let format = formats[key] { return format }
        let format = workbook_add_format(handle)!
        configure(format)
        formats[key] = format
        return format
    }

    // Every cell sits at the top of its row, so a row that a long text wraps into several
    // lines still reads across.

    var headerFormat: UnsafeMutablePointer<lxw_format> {
        format("header") { format in
            format_set_bold(format)
            format_set_bg_color(format, 0xDDE5F0)
            format_set_bottom(format, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_text_wrap(format)
            format_set_align(format, UInt8(LXW_ALIGN_LEFT.rawValue))
            format_set_indent(format, 1)
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
    }

    /// Over a column of numbers the title stands where the numbers end.
    var numberHeaderFormat: UnsafeMutablePointer<lxw_format> {
        format("header-number") { format in
            format_set_bold(format)
            format_set_bg_color(format, 0xDDE5F0)
            format_set_bottom(format, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_text_wrap(format)
            format_set_align(format, UInt8(LXW_ALIGN_RIGHT.rawValue))
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
    }

    // The formats of plain cells are kept once made (`lazy`, so they are still made in the order
    // cells first need them and the bytes stay the same): found by name in `formats` for every
    // cell, they cost a string hash each (the text format alone, 0.8 s of a month's run).

    /// Text starts one indent in, so it never touches a number that ends at the border before
    /// it (`2026-11-20IDR`), and wraps instead of running under the next column.
    lazy var textFormat: UnsafeMutablePointer<lxw_format> = format("text") { format in
        format_set_align(format, UInt8(LXW_ALIGN_LEFT.rawValue))
        format_set_indent(format, 1)
        format_set_text_wrap(format)
        format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
    }

    var totalLabelFormat: UnsafeMutablePointer<lxw_format> {
        format("total-label") { format in
            format_set_bold(format)
            format_set_top(format, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_align(format, UInt8(LXW_ALIGN_LEFT.rawValue))
            format_set_indent(format, 1)
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
    }

    /// A total too large for a double, written as exact text where the number would stand.
    var totalTextFormat: UnsafeMutablePointer<lxw_format> {
        format("total-text") { format in
            format_set_bold(format)
            format_set_top(format, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_align(format, UInt8(LXW_ALIGN_RIGHT.rawValue))
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
    }

    var totalBorderFormat: UnsafeMutablePointer<lxw_format> {
        format("total-border") { format_set_top($0, UInt8(LXW_BORDER_THIN.rawValue)) }
    }

    func totalMoneyFormat(_ code: CurrencyCode) -> UnsafeMutablePointer<lxw_format> {
        format("total-money:\(code)") { format in
            format_set_num_format(format, moneyFormatCode(code))
            format_set_bold(format)
            format_set_top(format, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
    }

    lazy var dateFormat: UnsafeMutablePointer<lxw_format> = format("date") { format in
        format_set_num_format(format, "yyyy-mm-dd")
        format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
    }

    lazy var dateTimeFormat: UnsafeMutablePointer<lxw_format> = format("datetime") { format in
        format_set_num_format(format, "yyyy-mm-dd hh:mm")
        format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
    }

    lazy var integerFormat: UnsafeMutablePointer<lxw_format> = format("integer") { format in
        format_set_num_format(format, "#,##0")
        format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
    }

    var percentFormat: UnsafeMutablePointer<lxw_format> {
        format("percent") { format in
            format_set_num_format(format, "0.0%")
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
    }

    func moneyFormat(_ code: CurrencyCode) -> UnsafeMutablePointer<lxw_format> {
        format("money:\(code)") { format in
            format_set_num_format(format, moneyFormatCode(code))
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
    }

    func decimalFormat(scale: Int) -> UnsafeMutablePointer<lxw_format> {
        format("decimal:\(scale)") { format in
            format_set_num_format(format, scale == 0 ? "#,##0" : "#,##0." + String(repeating: "0", count: scale))
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
    }

    /// `"Rp "#,##0` for IDR, `"$ "#,##0.00` for USD: the symbol as literal text so every
    /// spreadsheet shows it the same way, whatever its locale.
    func moneyFormatCode(_ code: CurrencyCode) -> String {
        let decimals = currencies(code)?.minorUnits ?? 2
        let symbol = currencySymbol(code)
        let number = decimals == 0 ? "#,##0" : "#,##0." + String(repeating: "0", count: decimals)
        return "\"\(symbol) \"\(number);-\"\(symbol) \"\(number)"
    }
}

extension XlsxWorkbook {
    func currencySymbol(_ code: CurrencyCode) -> String { currencySymbols[code.description] ?? code.description }
}

private let currencySymbols: [String: String] = [
    "IDR": "Rp", "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "SGD": "S$", "MYR": "RM", "AUD": "A$",
    "THB": "฿", "PHP": "₱", "INR": "₹", "CNY": "CN¥", "KRW": "₩", "VND": "₫",
]
