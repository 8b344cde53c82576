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

    /// Excel's row limit; longer sheets continue on `NAME (2)`, `NAME (3)`.
    public static let maxRows = 1_048_576

    public init(path: String, created: Instant, title: String, author: String, currencies: Currencies) throws {
        self.path = path
        self.currencies = currencies
        var options = lxw_workbook_options()
        options.constant_memory = 1
        options.use_zip64 = 0
        guard let handle = workbook_new_opt(path, &options) else { throw XlsxError("cannot create \(path)") }
        self.handle = handle
        try title.withCString { titlePointer in
            try author.withCString { authorPointer in
                var properties = lxw_doc_properties()
                properties.title = UnsafeMutablePointer(mutating: titlePointer)
                properties.author = UnsafeMutablePointer(mutating: authorPointer)
                properties.created = time_t(created.seconds)
                try check(workbook_set_properties(handle, &properties), "setting properties of \(path)")
            }
        }
    }

    deinit {
        if !closed { _ = workbook_close(handle) }
    }

    /// Adds a sheet with a bold, frozen, filtered header row.
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

    var headerFormat: UnsafeMutablePointer<lxw_format> {
        format("header") { format in
            format_set_bold(format)
            format_set_bg_color(format, 0xDDE5F0)
            format_set_bottom(format, UInt8(LXW_BORDER_THIN.rawValue))
        }
    }

    var dateFormat: UnsafeMutablePointer<lxw_format> {
        format("date") { format_set_num_format($0, "yyyy-mm-dd") }
    }

    var dateTimeFormat: UnsafeMutablePointer<lxw_format> {
        format("datetime") { format_set_num_format($0, "yyyy-mm-dd hh:mm") }
    }

    var integerFormat: UnsafeMutablePointer<lxw_format> {
        format("integer") { format_set_num_format($0, "#,##0") }
    }

    var percentFormat: UnsafeMutablePointer<lxw_format> {
        format("percent") { format_set_num_format($0, "0.0%") }
    }

    func moneyFormat(_ code: CurrencyCode) -> UnsafeMutablePointer<lxw_format> {
        format("money:\(code)") { format in
            format_set_num_format(format, moneyFormatCode(code))
        }
    }

    func decimalFormat(scale: Int) -> UnsafeMutablePointer<lxw_format> {
        format("decimal:\(scale)") { format in
            format_set_num_format(format, scale == 0 ? "#,##0" : "#,##0." + String(repeating: "0", count: scale))
        }
    }

    /// `"Rp "#,##0` for IDR, `"$ "#,##0.00` for USD: the symbol as literal text so every
    /// spreadsheet shows it the same way, whatever its locale.
    func moneyFormatCode(_ code: CurrencyCode) -> String {
        let decimals = currencies(code)?.minorUnits ?? 2
        let symbol = currencySymbols[code.description] ?? code.description
        let number = decimals == 0 ? "#,##0" : "#,##0." + String(repeating: "0", count: decimals)
        return "\"\(symbol) \"\(number);-\"\(symbol) \"\(number)"
    }
}

private let currencySymbols: [String: String] = [
    "IDR": "Rp", "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "SGD": "S$", "MYR": "RM", "AUD": "A$",
    "THB": "฿", "PHP": "₱", "INR": "₹", "CNY": "CN¥", "KRW": "₩", "VND": "₫",
]
